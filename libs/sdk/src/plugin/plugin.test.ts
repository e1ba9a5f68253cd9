import { defaultEngine } from '@redress/rules';
import {
  checkCompatibility,
  defineComplaintType,
  defineField,
  defineOperator,
  definePlugin,
  defineRulePreset,
  defineTemplate,
  instantiatePreset,
  logic,
  pluginProblems,
  pluginToPolicyPatch,
  PluginCompatibilityError,
  PluginValidationError,
  validatePlugin,
  type PluginInput,
} from '../index';

const severityPreset = defineRulePreset({
  code: 'shop.severity',
  name: { zh: '分级', en: 'Severity' },
  description: { zh: '关键词升级', en: 'Keywords raise severity' },
  ruleSet: 'severity',
  args: {
    keywords: { type: 'string[]', label: { zh: '关键词', en: 'Keywords' }, default: ['曝光', '律师'] },
    amountLimit: { type: 'number', label: { zh: '金额上限', en: 'Amount limit' }, default: 1000, min: 0 },
  },
  rows: (args) => [
    { key: 'threat', when: logic.containsAny('complaint.text', args.keywords), then: 'major', priority: 30 },
    { key: 'big_amount', when: logic.gt('complaint.form.amount', args.amountLimit), then: 'major', priority: 20 },
  ],
});

function shopPlugin(overrides: Partial<PluginInput> = {}): PluginInput {
  return {
    id: 'shop',
    version: '1.0.0',
    compatibility: '^0.1.0',
    name: { zh: '商店', en: 'Shop' },
    description: { zh: '测试插件', en: 'Test plugin' },
    fields: [defineField({ key: 'amount', label: { zh: '金额', en: 'Amount' }, type: 'money' })],
    complaintTypes: [defineComplaintType({ key: 'shop_goods', name: { zh: '商品', en: 'Goods' }, kind: 'complaint', fields: ['amount'] })],
    severityLevels: [
      { key: 'normal', name: { zh: '一般' }, rank: 1 },
      { key: 'major', name: { zh: '重大' }, rank: 3 },
    ],
    rulePresets: [severityPreset],
    templates: [
      defineTemplate({ key: 'shop_sorry', name: { zh: '致歉' }, kind: 'script', body: '{{customer.name}}您好，编号{{complaint.number}}' }),
    ],
    ...overrides,
  };
}

describe('definePlugin and validatePlugin', () => {
  it('accepts a sound plugin and fills absent lists', () => {
    const plugin = definePlugin(shopPlugin());
    expect(plugin.channels).toEqual([]);
    expect(plugin.on).toEqual({});
    expect(plugin.rulePresets.map((p) => p.code)).toEqual(['shop.severity']);
  });

  it('lists every problem with its path instead of stopping at the first', () => {
    const bad = shopPlugin({
      fields: [
        defineField({ key: 'amount', label: { zh: '金额' }, type: 'money' }),
        defineField({ key: 'amount', label: { zh: '重复' }, type: 'text' }),
        defineField({ key: 'Bad Key', label: { zh: '坏' }, type: 'text' }),
      ],
      compatibility: 'not a range',
      templates: [defineTemplate({ key: 'shop_sorry', name: { zh: '致歉' }, kind: 'script', body: '{{customer.nickname}}' })],
      rulePresets: [
        severityPreset,
        defineRulePreset({
          code: 'shop.routing',
          name: { zh: '派单', en: 'Routing' },
          description: { zh: '派单', en: 'Routing' },
          ruleSet: 'routing',
          args: {},
          rows: () => [
            { key: 'ok', when: logic.eq('complaint.type', 'shop_goods'), then: { department: 'sales' } },
            { key: 'typo', when: logic.eq('complaint.form.amout', 3), then: { department: 'sales' } },
          ],
        }),
      ],
      on: { 'complaint.closed': { blocking: () => undefined } },
    });
    let error: PluginValidationError | undefined;
    try {
      validatePlugin(bad);
    } catch (e) {
      error = e as PluginValidationError;
    }
    expect(error).toBeInstanceOf(PluginValidationError);
    const paths = error!.problems.map((p) => `${p.path} ${p.code}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'plugins.shop.compatibility INVALID_VERSION',
        'plugins.shop.fields[amount] DUPLICATE_KEY',
        'plugins.shop.fields[Bad Key] INVALID_KEY',
        'plugins.shop.templates[shop_sorry].body UNKNOWN_VARIABLE',
        'plugins.shop.on[complaint.closed].blocking INVALID_HANDLER',
      ]),
    );
    const typo = error!.problems.find((p) => p.path.startsWith('plugins.shop.rulePresets[shop.routing].rows[1].when'));
    expect(typo?.code).toBe('UNKNOWN_FACT');
    expect(error!.message).toContain('plugins.shop.rulePresets[shop.routing].rows[1].when');
  });

  it('requires preset codes, facts and operators to carry the plugin id', () => {
    const problems = pluginProblems(
      shopPlugin({
        rulePresets: [{ ...severityPreset, code: 'other.severity' }],
        facts: { 'other.count': { type: 'number' } },
        operators: [
          defineOperator({
            name: 'double',
            description: { zh: '加倍', en: 'Double' },
            args: [{ name: 'n', type: 'number', description: { zh: '数', en: 'n' } }],
            returns: 'number',
            fn: (_c, n) => Number(n) * 2,
          }),
        ],
      }),
    );
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        'plugins.shop.rulePresets[other.severity]',
        'plugins.shop.facts[other.count]',
        'plugins.shop.operators[double]',
      ]),
    );
  });

  it("validates rows that use the plugin's own operators and facts", () => {
    const plugin = definePlugin(
      shopPlugin({
        facts: { 'shop.visits': { type: 'number', label: { zh: '到店次数', en: 'Visits' } } },
        operators: [
          defineOperator(
            {
              name: 'double',
              description: { zh: '加倍', en: 'Double' },
              args: [{ name: 'n', type: 'number', description: { zh: '数', en: 'n' } }],
              returns: 'number',
              fn: (_c, n) => Number(n) * 2,
            },
            { namespace: 'shop' },
          ),
        ],
        rulePresets: [
          defineRulePreset({
            code: 'shop.loyal',
            name: { zh: '常客', en: 'Loyal' },
            description: { zh: '常客', en: 'Loyal' },
            ruleSet: 'severity',
            args: {},
            rows: () => [{ key: 'loyal', when: { '>': [{ shop_double: [{ var: 'shop.visits' }] }, 10] }, then: 'major', priority: 10 }],
          }),
        ],
      }),
    );
    expect(plugin.operators[0].name).toBe('shop_double');
  });

  it('rejects severity rows that return an unknown level and validity rows without a reason', () => {
    const problems = pluginProblems(
      shopPlugin({
        rulePresets: [
          defineRulePreset({
            code: 'shop.sev',
            name: { zh: '分级', en: 'S' },
            description: { zh: '分级', en: 'S' },
            ruleSet: 'severity',
            args: {},
            rows: () => [{ key: 'x', when: true, then: 'critical', priority: 1 }],
          }),
          defineRulePreset({
            code: 'shop.valid',
            name: { zh: '有效性', en: 'V' },
            description: { zh: '有效性', en: 'V' },
            ruleSet: 'validity',
            args: {},
            rows: () => [{ key: 'y', when: true, then: { valid: false } }],
          }),
        ],
      }),
    );
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual(
      expect.arrayContaining([
        'plugins.shop.rulePresets[shop.sev].rows[0].then UNKNOWN_REFERENCE',
        'plugins.shop.rulePresets[shop.valid].rows[0].then.reason INVALID_OUTCOME',
      ]),
    );
  });
});

describe('checkCompatibility', () => {
  it('explains which host version the plugin needs', () => {
    expect(() => checkCompatibility({ id: 'bank', version: '1.0.0', compatibility: '^2.0.0' }, '0.1.0')).toThrow(
      new PluginCompatibilityError('plugin bank 1.0.0 requires Redress ^2.0.0, this is 0.1.0', 'bank', '1.0.0', '^2.0.0', '0.1.0'),
    );
    expect(() => checkCompatibility({ id: 'bank', version: '1.0.0', compatibility: '^0.1.0' }, '0.1.3')).not.toThrow();
  });
});

describe('instantiatePreset', () => {
  it('fills defaults, prefixes row keys with the preset code and uses given arguments', () => {
    const rows = instantiatePreset(severityPreset, { amountLimit: 50 });
    expect(rows.map((r) => r.key)).toEqual(['shop.severity.threat', 'shop.severity.big_amount']);
    expect(rows[1].when).toEqual({ '>': [{ var: 'complaint.form.amount' }, 50] });
    expect(rows[0].when).toEqual({ contains_any: [{ var: 'complaint.text' }, ['曝光', '律师']] });
  });

  it('refuses arguments of the wrong type, out of range or unknown', () => {
    expect(() => instantiatePreset(severityPreset, { amountLimit: -1, keywords: 'x', colour: 'red' })).toThrow(PluginValidationError);
    try {
      instantiatePreset(severityPreset, { amountLimit: -1, keywords: 'x', colour: 'red' });
    } catch (e) {
      expect((e as PluginValidationError).problems.map((p) => p.path)).toEqual([
        'rulePresets[shop.severity].args.keywords',
        'rulePresets[shop.severity].args.amountLimit',
        'rulePresets[shop.severity].args.colour',
      ]);
    }
  });

  it('produces rows the rules engine decides with', () => {
    const table = { key: 'severity', hitPolicy: 'priority' as const, rows: instantiatePreset(severityPreset), default: 'normal' };
    expect(defaultEngine.evaluateTable(table, { complaint: { text: '再不处理我就找媒体曝光', form: { amount: 10 } } }).value).toBe('major');
    expect(defaultEngine.evaluateTable(table, { complaint: { text: '东西不好用', form: { amount: 10 } } }).value).toBe('normal');
  });
});

describe('pluginToPolicyPatch', () => {
  it('marks every object with the plugin as source and groups preset rows by rule set', () => {
    const patch = pluginToPolicyPatch(definePlugin(shopPlugin()), { 'shop.severity': { amountLimit: 200 } });
    expect(patch.source).toBe('shop');
    expect(patch.fields.map((f) => [f.key, f.source])).toEqual([['amount', 'shop']]);
    expect(patch.complaintTypes[0].source).toBe('shop');
    expect(patch.severityLevels.every((s) => s.source === 'shop')).toBe(true);
    expect(patch.templates[0].source).toBe('shop');
    expect(patch.rules.severity.map((r) => [r.key, r.source, r.preset])).toEqual([
      ['shop.severity.threat', 'shop', 'shop.severity'],
      ['shop.severity.big_amount', 'shop', 'shop.severity'],
    ]);
    expect(patch.rules.validity).toEqual([]);
    expect(patch.presets).toEqual([{ code: 'shop.severity', ruleSet: 'severity', args: { keywords: ['曝光', '律师'], amountLimit: 200 } }]);
  });

  it('does not share objects with the plugin (a stored patch cannot alter the plugin)', () => {
    const plugin = definePlugin(shopPlugin());
    const patch = pluginToPolicyPatch(plugin);
    patch.fields[0].label.zh = 'changed';
    expect(plugin.fields[0].label.zh).toBe('金额');
  });

  it('confines every preset row and escalation to the plugin’s own complaint types (and types below them)', () => {
    const plugin = definePlugin(
      shopPlugin({
        escalations: [
          {
            key: 'shop_breach',
            name: { zh: '逾期' },
            trigger: 'breach',
            target: 'resolution',
            actions: [{ type: 'notify', to: 'manager' }],
          },
        ],
      }),
    );
    const patch = pluginToPolicyPatch(plugin);
    const guard = { is_descendant_of: [{ var: 'complaint.typePath' }, ['shop_goods']] };
    expect(patch.rules.severity[0].when).toEqual({ and: [guard, logic.containsAny('complaint.text', ['曝光', '律师'])] });
    expect(patch.escalations[0].when).toEqual(guard);
    const table = { key: 'severity', hitPolicy: 'priority' as const, rows: patch.rules.severity, default: 'normal' };
    const decide = (typePath: string) => defaultEngine.evaluateTable(table, { complaint: { typePath, text: '我要找媒体曝光' } }).value;
    expect(decide('shop_goods')).toBe('major');
    expect(decide('shop_goods/gift_cards')).toBe('major');
    expect(decide('service/attitude')).toBe('normal');
  });

  it('refuses presets and escalations of a plugin without complaint types: they could not be confined', () => {
    const problems = pluginProblems(
      shopPlugin({
        complaintTypes: [],
        templates: [],
        escalations: [{ key: 'shop_breach', name: { zh: '逾期' }, trigger: 'breach', actions: [{ type: 'notify', to: 'manager' }] }],
      }),
    );
    expect(problems.filter((p) => p.code === 'UNSCOPED_RULES').map((p) => p.path)).toEqual([
      'plugins.shop.rulePresets',
      'plugins.shop.escalations',
    ]);
  });

  it('refuses arguments for a preset the plugin does not have', () => {
    expect(() => pluginToPolicyPatch(definePlugin(shopPlugin()), { 'shop.nope': {} })).toThrow(/no preset "shop.nope"/);
  });
});

describe('logic builders', () => {
  it('olderThan compares a date fact with now minus a duration', () => {
    const rule = logic.olderThan('complaint.form.billing_month', 5, 'months');
    const context = { now: '2026-01-15T02:00:00.000Z' };
    expect(defaultEngine.evaluate(rule, { complaint: { form: { billing_month: '2025-06-01' } } }, { context }).value).toBe(true);
    expect(defaultEngine.evaluate(rule, { complaint: { form: { billing_month: '2025-09-01' } } }, { context }).value).toBe(false);
  });
});
