import { RuleEngine } from '@redress/rules';
import { pluginToPolicyPatch } from '@redress/sdk';
import bankPlugin from '@redress/plugin-bank';
import jewelryPlugin from '@redress/plugin-jewelry';
import propertyPlugin from '@redress/plugin-property';
import telecomPlugin from '@redress/plugin-telecom';
import { DEMO_POLICY } from '../../apps/api/src/modules/policy/demo/demo-policy';
import { namedOperators, valueInputType } from '../../apps/admin/src/rule-builder/builderOperators';
import { listValue, sameLogic, toJsonLogic, toQuery } from '../../apps/admin/src/rule-builder/jsonLogicQuery';

const PLUGINS = [bankPlugin, jewelryPlugin, propertyPlugin, telecomPlugin];

/** The operator list exactly as the API's `ruleOperators` serves it: Redress's engine with the plugins' operators. */
function apiOperators() {
  const engine = new RuleEngine();
  for (const plugin of PLUGINS) for (const op of plugin.operators ?? []) engine.registerOperator(op);
  return engine.listOperators();
}

function conditionsOf(rules: Record<string, { key: string; when: unknown }[] | { rows: { key: string; when: unknown }[] }>) {
  return Object.entries(rules).flatMap(([table, value]) => {
    const rows = Array.isArray(value) ? value : value.rows;
    return rows.map((row) => ({ where: `${table}.${row.key}`, when: row.when }));
  });
}

describe('every demo and plugin rule opens in the visual builder', () => {
  const custom = namedOperators(apiOperators()).map((op) => ({ name: op.name, args: op.args }));

  it('offers Redress keyword, list and taxonomy operators by name, not only plugin ones', () => {
    const names = custom.map((op) => op.name);
    for (const name of ['contains_any', 'contains_all', 'in_list', 'is_descendant_of', 'matches']) expect(names).toContain(name);
    expect(names).not.toContain('==');
    expect(names).not.toContain('duration_days'); // a number, not a comparison
  });

  const rows = [
    ...conditionsOf(DEMO_POLICY.rules as any).map((r) => ({ ...r, where: `demo ${r.where}` })),
    ...(DEMO_POLICY.escalations ?? []).map((e: any) => ({ where: `demo escalation ${e.key}`, when: e.when })),
    ...PLUGINS.flatMap((plugin) => {
      const patch = pluginToPolicyPatch(plugin);
      return [
        ...conditionsOf(patch.rules as any).map((r) => ({ ...r, where: `${plugin.id} ${r.where}` })),
        ...patch.escalations.map((e: any) => ({ where: `${plugin.id} escalation ${e.key}`, when: e.when })),
      ];
    }),
  ].filter((row) => row.when !== undefined);

  it('has the rows to check', () => {
    expect(rows.length).toBeGreaterThan(30);
  });

  it.each(rows.map((row) => [row.where, row.when] as const))('%s', (_where, when) => {
    const query = toQuery(when, custom);
    expect(sameLogic(toJsonLogic(query, custom), when)).toBe(true);
  });
});

describe('values typed into the builder keep their JSON-logic types', () => {
  const custom = namedOperators(apiOperators()).map((op) => ({ name: op.name, args: op.args }));

  it('turns keywords typed as text into the list a keyword operator needs', () => {
    expect(listValue('媒体，曝光、记者, 律师')).toEqual(['媒体', '曝光', '记者', '律师']);
    const query = { combinator: 'and', rules: [{ field: 'complaint.text', operator: 'contains_any', value: '媒体，曝光' }] };
    expect(sameLogic(toJsonLogic(query, custom), { contains_any: [{ var: 'complaint.text' }, ['媒体', '曝光']] })).toBe(true);
  });

  it('keeps strict equality and "is blank" as written', () => {
    const strict = { '===': [{ var: 'complaint.kind' }, 'suggestion'] };
    expect(toQuery(strict, custom).rules[0]).toMatchObject({ operator: '===', value: 'suggestion' });
    const blank = { '!': [{ var: 'complaint.text' }] };
    expect(toQuery(blank, custom).rules[0]).toMatchObject({ operator: 'isEmpty', field: 'complaint.text' });
    expect(sameLogic(toJsonLogic(toQuery(blank, custom), custom), blank)).toBe(true);
  });

  it('types the value of a numeric operator argument as a number', () => {
    expect(
      valueInputType({
        name: 'x',
        args: [
          { name: 'a', type: 'number' },
          { name: 'b', type: 'number' },
        ],
      }),
    ).toBe('number');
    expect(valueInputType(custom.find((op) => op.name === 'contains_any'))).toBe('text');
  });
});
