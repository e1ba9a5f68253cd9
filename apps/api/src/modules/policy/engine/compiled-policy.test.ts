import { emptyPolicy, type PolicyDocument } from '@redress/sdk';
import { CompiledPolicy } from './compiled-policy';
import { DEMO_POLICY } from '../demo/demo-policy';

const context = { now: new Date('2026-03-02T02:00:00Z'), timeZone: 'Asia/Shanghai' };
const demo = new CompiledPolicy(1, DEMO_POLICY);
const complaint = (c: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ complaint: c, ...extra });

describe('CompiledPolicy.decide', () => {
  it('decides a staff-attitude complaint that threatens media exposure: urgent, customer service, standard SLA', () => {
    const d = demo.decide(complaint({ type: 'service.attitude', channel: 'phone', text: '态度太差，我要找记者曝光' }), context);
    expect(d.validity).toMatchObject({ valid: true });
    expect(d.severity).toMatchObject({ level: 'urgent', rowKey: 'sev-media-lawsuit' });
    expect(d.routing).toMatchObject({
      department: 'customer_service',
      team: 'cs_frontline',
      strategy: 'round_robin',
      rowKey: 'route-service',
    });
    expect(d.sla).toMatchObject({ policy: 'standard', rowKey: 'sla-default' });
    expect(d.severity.trace).toContain('sev-media-lawsuit');
  });

  it('lets later tables see earlier decisions: a regulator referral is major, so compliance routes it and the regulatory SLA applies', () => {
    const d = demo.decide(complaint({ type: 'product.defect', channel: 'regulator', text: '产品有问题' }), context);
    expect(d.severity).toMatchObject({ level: 'major', rowKey: 'sev-major-channel' });
    expect(d.routing).toMatchObject({ department: 'compliance', rowKey: 'route-major' });
    expect(d.sla).toMatchObject({ policy: 'regulatory', rowKey: 'sla-major' });
  });

  it('derives the type path and kind from the type tree when intake did not', () => {
    const d = demo.decide(complaint({ type: 'suggestion', channel: 'web', text: '希望延长营业时间' }), context);
    expect(d.validity).toEqual(expect.objectContaining({ valid: false, reason: 'is_suggestion', rowKey: 'val-suggestion' }));
    expect(demo.typePath('service.attitude')).toBe('service/attitude');
    expect(demo.typePath('billing')).toBe('billing');
  });

  it('falls back to the type defaults when no row matches, and says so in the trace', () => {
    const document: PolicyDocument = {
      ...emptyPolicy(),
      severityLevels: [
        { key: 'normal', name: { zh: '一般' }, rank: 1 },
        { key: 'urgent', name: { zh: '紧急' }, rank: 2 },
      ],
      departments: [{ key: 'cs', name: { zh: '客服' } }],
      complaintTypes: [
        { key: 'root', name: { zh: '根' }, kind: 'complaint', fields: [], defaultSeverity: 'urgent', defaultDepartment: 'cs' },
        { key: 'root.child', parentKey: 'root', name: { zh: '子' }, kind: 'complaint', fields: [] },
      ],
    };
    const d = new CompiledPolicy(1, document).decide(complaint({ type: 'root.child', text: 'x' }), context);
    expect(d.severity).toEqual({ level: 'urgent', trace: expect.stringContaining('type default urgent') });
    expect(d.routing).toEqual({ department: 'cs', strategy: 'manual', trace: expect.stringContaining('type default cs') });
    expect(d.sla.policy).toBeUndefined();
    const unknownType = new CompiledPolicy(1, document).decide(complaint({ type: 'nope' }), context);
    expect(unknownType.severity.level).toBe('normal');
    expect(unknownType.routing.department).toBeUndefined();
  });

  it('never throws: a broken table yields the fallbacks', () => {
    const broken = {
      ...DEMO_POLICY,
      rules: {
        ...DEMO_POLICY.rules,
        severity: { key: 'severity', hitPolicy: 'priority', rows: [{ key: 'bad', when: { no_such_operator: [1] }, then: 'urgent' }] },
      },
    } as PolicyDocument;
    const d = new CompiledPolicy(2, broken).decide(complaint({ type: 'billing', channel: 'email', text: 'x' }), context);
    expect(d.severity.level).toBe('normal');
    expect(d.severity.rowKey).toBeUndefined();
    expect(d.routing.department).toBe('finance');
  });

  it('lists a type’s fields parent first, without repeats', () => {
    expect(demo.fieldsForType('service.efficiency').map((f) => f.key)).toEqual([
      'outlet',
      'expected_remedy',
      'compensation_amount',
      'order_no',
    ]);
    expect(demo.fieldsForType('product.defect').map((f) => f.key)).toEqual([
      'order_no',
      'product_name',
      'purchase_date',
      'expected_remedy',
      'compensation_amount',
      'batch_no',
    ]);
    expect(demo.severityLevel('major')?.requiresApproval).toBe(true);
    expect(demo.slaPolicy('regulatory')?.targets.find((t) => t.key === 'regulatory_answer')?.extensions).toHaveLength(2);
  });
});
