import type { PolicyDocument } from '@redress/sdk';
import { diffPolicies } from './policy-diff';
import { canonicalJson } from './canonical-json';
import { documentFromRows, normalizeDocument, rowsFromDocument } from './policy-document';
import { DEMO_POLICY } from '../demo/demo-policy';

describe('diffPolicies', () => {
  it('says two equal documents are identical', () => {
    expect(diffPolicies(DEMO_POLICY, structuredClone(DEMO_POLICY))).toMatchObject({ identical: true, summary: 'No differences.' });
  });

  it('lists added, removed and changed objects with the changed paths and rule rows', () => {
    const after: PolicyDocument = structuredClone(DEMO_POLICY);
    after.channels.push({ key: 'wechat', name: { zh: '微信' } });
    after.teams = after.teams.filter((t) => t.key !== 'quality_investigation');
    after.slaPolicies.find((p) => p.key === 'standard')!.targets.find((t) => t.key === 'resolution')!.duration.amount = 5;
    after.rules.severity.rows = after.rules.severity.rows.filter((r) => r.key !== 'sev-repeat-customer');
    after.rules.severity.rows.push({
      key: 'sev-vip',
      when: { '===': [{ var: 'customer.reference' }, 'vip'] },
      then: 'urgent',
      priority: 25,
    });
    after.rules.routing.rows[1].then = { department: 'operations' };
    after.settings.requirePublishApproval = true;
    const diff = diffPolicies(DEMO_POLICY, after);
    expect(diff.identical).toBe(false);
    expect(diff.collections).toEqual(
      expect.arrayContaining([
        { collection: 'channels', added: ['wechat'], removed: [], changed: [] },
        { collection: 'teams', added: [], removed: ['quality_investigation'], changed: [] },
        {
          collection: 'slaPolicies',
          added: [],
          removed: [],
          changed: [{ key: 'standard', changes: [{ path: 'targets[resolution].duration.amount', before: 3, after: 5 }] }],
        },
      ]),
    );
    const severity = diff.ruleSets.find((r) => r.key === 'severity')!;
    expect(severity).toMatchObject({ rowsAdded: ['sev-vip'], rowsRemoved: ['sev-repeat-customer'], rowsChanged: [], rowsReordered: false });
    const routing = diff.ruleSets.find((r) => r.key === 'routing')!;
    expect(routing.rowsChanged[0].key).toBe('route-service');
    expect(routing.rowsChanged[0].changes.map((c) => c.path)).toEqual(['then.department', 'then.strategy', 'then.team']);
    expect(diff.settings).toEqual([{ path: 'requirePublishApproval', before: false, after: true }]);
    expect(diff.summary.split('\n')).toEqual(
      expect.arrayContaining([
        'channels: added wechat',
        'rules.severity: rows added sev-vip; rows removed sev-repeat-customer',
        'settings.requirePublishApproval: false → true',
      ]),
    );
  });

  it('notices reordered rows of a first-hit table', () => {
    const after: PolicyDocument = structuredClone(DEMO_POLICY);
    after.rules.routing.rows.reverse();
    expect(diffPolicies(DEMO_POLICY, after).ruleSets[0]).toMatchObject({ key: 'routing', rowsReordered: true, rowsChanged: [] });
  });
});

describe('canonical document form', () => {
  it('survives rows → document → rows and prints the same bytes', () => {
    const normalized = normalizeDocument(DEMO_POLICY);
    const again = documentFromRows(rowsFromDocument(normalized));
    expect(canonicalJson(again)).toBe(canonicalJson(normalized));
    expect(normalized.channels.map((c) => c.key)).toEqual([...DEMO_POLICY.channels.map((c) => c.key)].sort());
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 2 }], c: undefined } })).toBe(
      '{\n  "a": {\n    "d": [\n      2,\n      {\n        "e": 2,\n        "f": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });
});
