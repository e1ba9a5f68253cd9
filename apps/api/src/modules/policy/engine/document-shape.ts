import { POLICY_COLLECTIONS, type PolicyCollection } from '@redress/sdk';
import type { PolicyProblem } from './policy-problem';
import { RULE_SET_KEYS } from './policy-document';

type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'localized';

/** Members each object of a collection must carry (others are optional and checked by validatePolicy). */
const REQUIRED: Record<PolicyCollection, Record<string, Kind>> = {
  severityLevels: { name: 'localized', rank: 'number' },
  complaintTypes: { name: 'localized', kind: 'string', fields: 'array' },
  fields: { label: 'localized', type: 'string' },
  channels: { name: 'localized' },
  departments: { name: 'localized' },
  teams: { name: 'localized', departmentKey: 'string', members: 'array' },
  calendars: { name: 'localized', timeZone: 'string', workingHours: 'array', weekendDays: 'array', useChineseHolidays: 'boolean' },
  holidaySchedules: { year: 'number', holidays: 'array', makeupWorkdays: 'array' },
  slaPolicies: { name: 'localized', targets: 'array' },
  escalations: { name: 'localized', trigger: 'string', actions: 'array' },
  templates: { name: 'localized', kind: 'string', body: 'string' },
  notices: { name: 'localized', event: 'string', to: 'string', channels: 'array' },
  tests: { facts: 'object', expect: 'object' },
  incidentRules: { name: 'localized', groupBy: 'array', windowMinutes: 'number', threshold: 'number' },
  findingCodes: { name: 'localized', kind: 'string' },
  workflows: { name: 'localized', states: 'array', transitions: 'array' },
  approvalChains: { name: 'localized', subject: 'string', steps: 'array' },
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function hasKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'localized':
      return isObject(value) && typeof value.zh === 'string';
    default:
      return typeof value === kind;
  }
}

/**
 * Structural check of an imported document: is it a PolicyDocument at all? (Whether its references hold is
 * `validatePolicy`'s job and only blocks publishing, not importing.)
 */
export function checkDocumentShape(raw: unknown): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, code: 'INVALID_SHAPE', message });
  if (!isObject(raw)) {
    problem('$', 'A policy document must be a JSON object');
    return problems;
  }
  if (raw.schemaVersion !== 1) problem('schemaVersion', 'schemaVersion must be 1');
  if (!isObject(raw.settings)) problem('settings', 'settings must be an object');
  else {
    if (typeof raw.settings.defaultCalendar !== 'string') problem('settings.defaultCalendar', 'must be a string');
    if (typeof raw.settings.defaultSeverity !== 'string') problem('settings.defaultSeverity', 'must be a string');
  }
  for (const collection of POLICY_COLLECTIONS) {
    const items = raw[collection];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      problem(collection, `${collection} must be an array`);
      continue;
    }
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (!isObject(item) || typeof item.key !== 'string' || !item.key) {
        problem(`${collection}[${index}]`, 'each object needs a non-empty string key');
        return;
      }
      if (seen.has(item.key)) problem(`${collection}[${item.key}]`, `duplicate key ${item.key}`);
      seen.add(item.key);
      for (const [member, kind] of Object.entries(REQUIRED[collection])) {
        if (!hasKind(item[member], kind))
          problem(`${collection}[${item.key}].${member}`, `must be ${kind === 'localized' ? 'a {zh, en} text' : `a ${kind}`}`);
      }
    });
  }
  if (!isObject(raw.rules)) problem('rules', 'rules must be an object with validity, severity, routing and sla tables');
  else {
    for (const key of RULE_SET_KEYS) {
      const table = raw.rules[key];
      if (table === undefined) continue;
      if (!isObject(table) || !Array.isArray(table.rows)) {
        problem(`rules.${key}`, 'must be a decision table {key, hitPolicy, rows}');
        continue;
      }
      table.rows.forEach((row, index) => {
        if (!isObject(row) || typeof row.key !== 'string' || !('when' in row) || !('then' in row)) {
          problem(`rules.${key}.rows[${index}]`, 'each row needs key, when and then');
        }
      });
    }
  }
  return problems;
}
