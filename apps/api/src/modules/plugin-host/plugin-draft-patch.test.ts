import { emptyPolicy, pluginToPolicyPatch } from '@redress/sdk';
import { bankPlugin } from '@redress/plugin-bank';
import { jewelryPlugin } from '@redress/plugin-jewelry';
import { planDraftPatch, pluginSources } from './plugin-draft-patch';

describe('planDraftPatch', () => {
  it('adds the plugin’s objects, keeps the tenant’s own objects with the same key, and puts plugin rows first', () => {
    const draft = emptyPolicy();
    draft.severityLevels = [{ key: 'normal', name: { zh: '普通' }, rank: 1 }];
    draft.rules.routing.rows = [{ key: 'catch_all', when: true, then: { department: 'service' } }];
    const plan = planDraftPatch(draft, pluginToPolicyPatch(bankPlugin));
    expect(plan.kept).toEqual(['severityLevels[normal]']);
    expect(plan.applied).toEqual(expect.arrayContaining(['severityLevels[urgent]', 'fields[account_tail]']));
    expect(plan.partial.severityLevels?.map((l) => l.key)).toEqual(['urgent', 'major']);
    const routing = plan.partial.rules!.routing.rows.map((r) => r.key);
    expect(routing[0]).toBe('bank.routing.major_compliance');
    expect(routing.at(-1)).toBe('catch_all');
  });

  it('replaces its own rows and objects when enabled again (new arguments, upgrade)', () => {
    const draft = emptyPolicy();
    const first = planDraftPatch(draft, pluginToPolicyPatch(bankPlugin));
    const merged = { ...draft, ...first.partial, rules: { ...draft.rules, ...first.partial.rules } };
    const again = planDraftPatch(merged, pluginToPolicyPatch(bankPlugin, { 'bank.routing': { majorToCompliance: false } }));
    expect(again.kept).toEqual([]);
    const keys = again.partial.rules!.routing.rows.map((r) => r.key);
    expect(keys).not.toContain('bank.routing.major_compliance');
    expect(new Set(keys).size).toBe(keys.length);
    expect(pluginSources(merged)).toEqual(new Set(['bank']));
  });

  it('reports a field whose key the draft uses with another meaning; one of the same meaning is shared', () => {
    const draft = emptyPolicy();
    draft.fields = [
      { key: 'store', label: { zh: '门店' }, type: 'select', options: [{ value: 'bj', label: { zh: '北京' } }] },
      { key: 'purchase_date', label: { zh: '购买时间' }, type: 'date' },
    ];
    const plan = planDraftPatch(draft, pluginToPolicyPatch(jewelryPlugin));
    expect(plan.fieldConflicts.map((c) => [c.key, c.existing.type, c.incoming.type])).toEqual([['store', 'select', 'text']]);
    expect(plan.kept).toEqual(expect.arrayContaining(['fields[store]', 'fields[purchase_date]']));
  });
});
