import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zhCN } from './zh-CN';
import { en } from './en';
import {
  FIELD_TYPES,
  COMPLAINT_KINDS,
  DURATION_KINDS,
  SLA_TARGETS,
  TEMPLATE_KINDS,
  ESCALATION_TRIGGERS,
  ESCALATION_ACTIONS,
  ROUTING_STRATEGIES,
} from '../policy/choices';
import { TEMPLATE_VARIABLES, variableMessageKey } from '../policy/templates/variables';
import { DIMENSIONS, KPI_TARGETS } from '../dashboard/stats';

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !/i18n\/(zh-CN|en|ra-zh-CN)\.ts$/.test(path) ? [path] : [];
  });
}

const has = (tree: any, key: string) => typeof key.split('.').reduce((v, k) => v?.[k], tree) === 'string';

/**
 * Keys the source names literally: translate('…'), label="…", title="…", notify('…'), helperText="…", and any
 * quoted 'app.…' / 'resources.…' / 'ra.…' string (menu tables, choices). Template keys (`app.kind.${kind}`)
 * are checked through the vocabularies below.
 */
function usedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const pattern =
    /(?:translate\(|label=|title=|helperText=|emptyText=|notify\(|confirm=|[\s({[,:])['"]((?:app|resources|ra)\.[A-Za-z0-9_.]+[A-Za-z0-9_])['"]/g;
  for (const file of sourceFiles(SRC)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) keys.set(match[1], file.slice(SRC.length + 1));
  }
  return keys;
}

describe('translation keys used by the console', () => {
  it('finds the keys the screens use (the scan itself works)', () => {
    const keys = usedKeys();
    expect(keys.has('app.login.submit')).toBe(true);
    expect(keys.has('resources.fields.fields.visibleWhen')).toBe(true);
    expect(keys.size).toBeGreaterThan(200);
  });

  it('defines every used key in Chinese and in English', () => {
    const missing: string[] = [];
    for (const [key, file] of usedKeys()) {
      if (key.startsWith('ra.')) continue; // react-admin's own, checked in i18n.test.ts
      if (!has(zhCN, key)) missing.push(`zh-CN ${key} (${file})`);
      if (!has(en, key)) missing.push(`en ${key} (${file})`);
    }
    expect(missing).toEqual([]);
  });

  it('labels every value of the fixed vocabularies', () => {
    const expected = [
      ...FIELD_TYPES.map((v) => `app.field_type.${v}`),
      ...COMPLAINT_KINDS.map((v) => `app.kind.${v}`),
      ...DURATION_KINDS.flatMap((v) => [`app.duration_kind.${v}`, `app.duration.${v}`]),
      ...SLA_TARGETS.map((v) => `app.sla_target.${v}`),
      ...TEMPLATE_KINDS.map((v) => `app.template_kind.${v}`),
      ...ESCALATION_TRIGGERS.map((v) => `app.trigger.${v}`),
      ...ESCALATION_ACTIONS.map((v) => `app.action.${v}`),
      ...ROUTING_STRATEGIES.map((v) => `app.strategy.${v}`),
      ...TEMPLATE_VARIABLES.flatMap((v) => [`app.template_vars.${variableMessageKey(v)}`, `app.template_samples.${variableMessageKey(v)}`]),
      ...DIMENSIONS.map((v) => `app.dashboard.dimension.${v}`),
      ...Object.keys(KPI_TARGETS).map((v) => `app.dashboard.kpi.${v}`),
      ...['validity', 'severity', 'routing', 'sla'].flatMap((t) => [`app.rules.tables.${t}`, `app.rules.table_help.${t}`]),
      ...['on_time', 'at_risk', 'breached', 'stopped'].map((s) => `app.sla.status.${s}`),
    ];
    expect(expected.filter((key) => !has(zhCN, key) || !has(en, key))).toEqual([]);
  });
});
