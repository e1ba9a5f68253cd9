import type { PolicyDocument } from '@redress/sdk';
import { validatePolicy, unknownTemplateVariables } from './validate-policy';
import { DEMO_POLICY } from '../demo/demo-policy';

const clone = (): PolicyDocument => structuredClone(DEMO_POLICY);
const paths = (document: PolicyDocument) => validatePolicy(document).map((p) => p.path);

describe('validatePolicy', () => {
  it('finds nothing wrong with the demo policy', () => {
    expect(validatePolicy(DEMO_POLICY)).toEqual([]);
  });

  it('names every broken reference by its path', () => {
    const d = clone();
    d.complaintTypes.find((t) => t.key === 'service.attitude')!.defaultDepartment = 'legal';
    d.complaintTypes.find((t) => t.key === 'billing')!.fields.push('iban');
    d.teams[0].departmentKey = 'sales';
    d.rules.routing.rows[1].then = { department: 'marketing' };
    d.rules.sla.rows[0].then = 'express';
    d.rules.severity.rows[0].then = 'critical';
    d.escalations[0].actions = [
      { type: 'raise_severity', to: 'critical' },
      { type: 'notify', to: 'manager', template: 'gone' },
    ];
    d.slaPolicies[0].targets[0].calendar = 'weekend';
    expect(paths(d)).toEqual(
      expect.arrayContaining([
        'complaintTypes[service.attitude].defaultDepartment',
        'complaintTypes[billing].fields[iban]',
        'teams[cs_frontline].departmentKey',
        'rules.routing.rows[route-service].then.department',
        'rules.sla.rows[sla-consultation].then',
        'rules.severity.rows[sev-major-channel].then',
        'escalations[esc-resolution-breach].actions[0].to',
        'escalations[esc-resolution-breach].actions[1].template',
        'slaPolicies[standard].targets[dispatch].calendar',
      ]),
    );
    const problem = validatePolicy(d).find((p) => p.path === 'complaintTypes[service.attitude].defaultDepartment');
    expect(problem).toMatchObject({ code: 'UNKNOWN_REFERENCE', message: 'Department "legal" does not exist' });
  });

  it('finds cycles in the type tree, unknown template variables and rules reading unknown facts', () => {
    const d = clone();
    d.complaintTypes.find((t) => t.key === 'service')!.parentKey = 'service.attitude';
    d.templates[0].body += '{{customer.shoeSize}}';
    d.rules.validity.rows[0].when = { '===': [{ var: 'complaint.colour' }, 'red'] };
    const problems = validatePolicy(d);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'complaintTypes[service].parentKey',
        'complaintTypes[service.attitude].parentKey',
        'templates[script_empathy].body',
      ]),
    );
    expect(problems.find((p) => p.path === 'templates[script_empathy].body')?.message).toContain('customer.shoeSize');
    const rule = problems.find((p) => p.path.startsWith('rules.validity.rows[val-suggestion].when'));
    expect(rule).toMatchObject({ code: 'UNKNOWN_FACT' });
  });

  it('refuses form patterns and matches rules RE2 cannot run, with the reason', () => {
    const d = clone();
    d.fields[0].validation = { pattern: '^(?=.*\\d)\\w+$' };
    d.fields[1].validation = { pattern: '^[A-Z]{2}\\d{6}$' };
    d.rules.validity.rows[0].when = { matches: [{ var: 'complaint.text' }, '(\\w)\\1'] };
    const problems = validatePolicy(d);
    expect(problems.find((p) => p.path === `fields[${d.fields[0].key}].validation.pattern`)).toMatchObject({
      code: 'INVALID_PATTERN',
      message: expect.stringMatching(/lookahead/),
    });
    expect(problems.find((p) => p.path === `fields[${d.fields[1].key}].validation.pattern`)).toBeUndefined();
    expect(problems.find((p) => p.path.startsWith('rules.validity.rows[val-suggestion].when'))).toMatchObject({
      code: 'UNSAFE_REGEX',
      message: expect.stringMatching(/back-references/),
    });
  });

  it('lists unknown template variables once each', () => {
    expect(unknownTemplateVariables('{{customer.name}} {{x.y}} {{ x.y }}')).toEqual(['x.y']);
  });
});
