import { checkRegex, defaultEngine, type FactSchema, type JsonLogicRule, type RuleEngine } from '@redress/rules';
import {
  factSchemaFor,
  FINDING_KINDS,
  MAX_RETENTION_MONTHS,
  NOTICE_CHANNELS,
  NOTICE_EVENTS,
  POLICY_COLLECTIONS,
  TEMPLATE_VARIABLES,
  templateVariables,
  type PolicyDocument,
} from '@redress/sdk';
import { isEmptyTableProblem, joinPath, tablePath, type PolicyProblem } from './policy-problem';
import { keysInCycles } from './type-tree';
import { numberPatternProblems } from '../../complaint/numbering';
import { calendarConfigProblems } from '../../sla/calendar/calendar-problems';
import { holidayScheduleProblems, scheduleConflicts } from '../../sla/calendar/holiday-schedule';
import { attachmentSettingsProblems } from '../../attachment/attachment-content';
import { approvalChainProblems, workflowProblems } from './workflow-problems';

const ROUTING_STRATEGIES = ['manual', 'round_robin', 'least_loaded'];
const ESCALATION_TRIGGERS = ['warning', 'breach', 'unsatisfied', 'aggregate', 'cross_department'];
const DURATION_KINDS = ['natural_minutes', 'natural_hours', 'natural_days', 'working_minutes', 'working_hours', 'working_days'];

/** Template variables that are not in TEMPLATE_VARIABLES (checked when a template is saved and at publish). */
export function unknownTemplateVariables(text: string | undefined): string[] {
  if (!text) return [];
  return [...new Set(templateVariables(text).filter((name) => !(name in TEMPLATE_VARIABLES)))];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every problem of a policy at once: rules against the fact schema, template variables, and every reference
 * between objects. Each problem has a path an administrator can follow, e.g.
 * `complaintTypes[service.attitude].defaultDepartment` or `rules.routing.rows[route-quality].then.department`.
 */
export function validatePolicy(
  document: PolicyDocument,
  engine: RuleEngine = defaultEngine,
  schema: FactSchema = factSchemaFor(document),
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const add = (path: string, code: string, message: string, suggestion?: string) =>
    problems.push({ path, code, message, ...(suggestion ? { suggestion } : {}) });
  const keys = {
    levels: new Set(document.severityLevels.map((x) => x.key)),
    types: new Set(document.complaintTypes.map((x) => x.key)),
    fields: new Set(document.fields.map((x) => x.key)),
    channels: new Set(document.channels.map((x) => x.key)),
    departments: new Set(document.departments.map((x) => x.key)),
    teams: new Map(document.teams.map((x) => [x.key, x])),
    calendars: new Set(document.calendars.map((x) => x.key)),
    slaPolicies: new Set(document.slaPolicies.map((x) => x.key)),
    templates: new Set(document.templates.map((x) => x.key)),
  };
  const internalTemplates = new Set(document.templates.filter((x) => x.internal).map((x) => x.key));
  const missing = (path: string, what: string, key: unknown, known: Set<string>) => {
    if (typeof key !== 'string' || !known.has(key)) {
      add(
        path,
        'UNKNOWN_REFERENCE',
        `${what} "${String(key)}" does not exist`,
        known.size ? `one of: ${[...known].sort().join(', ')}` : undefined,
      );
    }
  };
  const rule = (path: string, value: JsonLogicRule | undefined) => {
    if (value === undefined || value === null) return;
    for (const p of engine.validate(value, schema)) add(joinPath(path, p.path), p.code, p.message, p.suggestion);
  };

  // Duplicate keys (possible after an import).
  for (const collection of POLICY_COLLECTIONS) {
    const seen = new Set<string>();
    for (const item of (document[collection] ?? []) as { key: string }[]) {
      if (seen.has(item.key)) add(`${collection}[${item.key}]`, 'DUPLICATE_KEY', `${collection} has the key "${item.key}" twice`);
      seen.add(item.key);
    }
  }

  // Settings.
  missing('settings.defaultSeverity', 'Severity level', document.settings.defaultSeverity, keys.levels);
  if (document.calendars.length || document.slaPolicies.length)
    missing('settings.defaultCalendar', 'Calendar', document.settings.defaultCalendar, keys.calendars);

  if (document.settings.numberPattern !== undefined) {
    for (const p of numberPatternProblems(document.settings.numberPattern)) add('settings.numberPattern', p.code, p.message);
  }
  const kpi = document.settings.kpiTargets;
  if (kpi) {
    const rate = (path: string, value: unknown) => {
      if (value !== undefined && value !== null && !(typeof value === 'number' && value > 0 && value <= 1))
        add(path, 'INVALID_KPI_TARGET', 'A KPI target is a share between 0 and 1, e.g. 0.95');
    };
    for (const member of ['onTimeRate', 'satisfactionRate', 'effectiveResolutionRate'] as const)
      rate(`settings.kpiTargets.${member}`, kpi[member]);
    const targetKeys = new Set(document.slaPolicies.flatMap((p) => p.targets.map((t) => t.key)));
    (kpi.onTimeByTarget ?? []).forEach((entry, index) => {
      rate(`settings.kpiTargets.onTimeByTarget[${index}].rate`, entry?.rate);
      missing(`settings.kpiTargets.onTimeByTarget[${index}].target`, 'SLA target', entry?.target, targetKeys);
    });
  }

  for (const p of attachmentSettingsProblems(document.settings.attachments)) add(p.path, 'INVALID_ATTACHMENT_SETTINGS', p.message);

  for (const finding of document.findingCodes ?? []) {
    if (!(FINDING_KINDS as readonly string[]).includes(finding.kind))
      add(`findingCodes[${finding.key}].kind`, 'INVALID_FINDING_KIND', `Unknown kind "${String(finding.kind)}"`, FINDING_KINDS.join(', '));
  }

  // Complaint types.
  for (const type of document.complaintTypes) {
    const at = `complaintTypes[${type.key}]`;
    if (type.parentKey) missing(`${at}.parentKey`, 'Parent type', type.parentKey, keys.types);
    type.fields.forEach((field) => missing(`${at}.fields[${field}]`, 'Field', field, keys.fields));
    if (type.defaultSeverity) missing(`${at}.defaultSeverity`, 'Severity level', type.defaultSeverity, keys.levels);
    if (type.defaultDepartment) missing(`${at}.defaultDepartment`, 'Department', type.defaultDepartment, keys.departments);
    const months = type.retentionMonths;
    if (months !== undefined && months !== null && !(Number.isInteger(months) && months >= 1 && months <= MAX_RETENTION_MONTHS)) {
      add(
        `${at}.retentionMonths`,
        'INVALID_RETENTION',
        `Retention must be a whole number of months from 1 to ${MAX_RETENTION_MONTHS}, not ${String(months)}`,
      );
    }
  }
  for (const key of keysInCycles(document.complaintTypes))
    add(`complaintTypes[${key}].parentKey`, 'CYCLE', `The type tree loops through "${key}"`);

  // Fields.
  for (const field of document.fields) {
    const at = `fields[${field.key}]`;
    if ((field.type === 'select' || field.type === 'multi_select') && !field.options?.length)
      add(`${at}.options`, 'MISSING_OPTIONS', 'A select field needs options');
    rule(`${at}.visibleWhen`, field.visibleWhen);
    rule(`${at}.requiredWhen`, field.requiredWhen);
    if (field.validation?.pattern) {
      // Form patterns run on RE2 like the `matches` operator: what it cannot express is refused here, with the reason.
      const reason = checkRegex(field.validation.pattern, 'u');
      if (reason) add(`${at}.validation.pattern`, 'INVALID_PATTERN', `The pattern cannot be used: ${reason}`);
    }
  }

  // Organisation.
  for (const department of document.departments) {
    if (department.parentKey)
      missing(`departments[${department.key}].parentKey`, 'Parent department', department.parentKey, keys.departments);
  }
  for (const key of keysInCycles(document.departments))
    add(`departments[${key}].parentKey`, 'CYCLE', `The department tree loops through "${key}"`);
  for (const team of document.teams) missing(`teams[${team.key}].departmentKey`, 'Department', team.departmentKey, keys.departments);

  // Calendars and SLA policies.
  // The same check the business calendar applies when intake builds it: what passes here cannot fail there.
  for (const calendar of document.calendars) {
    for (const p of calendarConfigProblems(calendar)) add(`calendars[${calendar.key}].${p.path}`, p.code, p.message);
  }
  const soundSchedules = [];
  for (const schedule of document.holidaySchedules ?? []) {
    const found = holidayScheduleProblems(schedule);
    for (const p of found) add(`holidaySchedules[${schedule.key}].${p.path}`, p.code, p.message);
    if (!found.length) soundSchedules.push(schedule);
  }
  for (const c of scheduleConflicts(soundSchedules)) {
    add(`holidaySchedules[${c.key}]`, 'DATE_IN_TWO_SCHEDULES', `${c.date} is decided by both the ${c.other} and the ${c.key} schedule`);
  }
  for (const policy of document.slaPolicies) {
    for (const target of policy.targets) {
      const at = `slaPolicies[${policy.key}].targets[${target.key}]`;
      if (!(target.duration?.amount > 0)) add(`${at}.duration.amount`, 'INVALID_DURATION', 'The duration must be positive');
      if (!DURATION_KINDS.includes(target.duration?.kind))
        add(`${at}.duration.kind`, 'INVALID_DURATION', `Unknown duration kind "${target.duration?.kind}"`);
      if (target.calendar) missing(`${at}.calendar`, 'Calendar', target.calendar, keys.calendars);
      rule(`${at}.startWhen`, target.startWhen);
      rule(`${at}.pauseWhen`, target.pauseWhen);
      rule(`${at}.stopWhen`, target.stopWhen);
    }
  }

  // Rule tables: the engine checks each rule; we check what each outcome refers to.
  const tableProblems = (key: 'validity' | 'severity' | 'routing' | 'sla') => {
    const table = document.rules[key];
    for (const p of engine.validateTable(table, schema)) {
      if (!isEmptyTableProblem(p, table.rows)) add(tablePath(`rules.${key}`, p.path, table.rows), p.code, p.message, p.suggestion);
    }
    const outcomes: [string, unknown][] = table.rows.map((row) => [`rules.${key}.rows[${row.key}].then`, row.then]);
    if (table.default !== undefined) outcomes.push([`rules.${key}.default`, table.default]);
    return outcomes;
  };
  for (const [path, then] of tableProblems('validity')) {
    if (!isObject(then) || typeof then.valid !== 'boolean')
      add(path, 'INVALID_OUTCOME', 'A validity outcome is {valid: true|false, reason?}');
    else if (then.valid === false && !then.reason) add(`${path}.reason`, 'MISSING_REASON', 'An invalid outcome needs a reason code');
  }
  for (const [path, then] of tableProblems('severity')) missing(path, 'Severity level', then, keys.levels);
  for (const [path, then] of tableProblems('routing')) {
    if (!isObject(then)) {
      add(path, 'INVALID_OUTCOME', 'A routing outcome is {department, team?, assignee?, strategy?}');
      continue;
    }
    missing(`${path}.department`, 'Department', then.department, keys.departments);
    if (then.team !== undefined) {
      const team = keys.teams.get(String(then.team));
      if (!team) missing(`${path}.team`, 'Team', then.team, new Set(keys.teams.keys()));
      else if (team.departmentKey !== then.department)
        add(
          `${path}.team`,
          'TEAM_OUTSIDE_DEPARTMENT',
          `Team "${team.key}" belongs to "${team.departmentKey}", not "${String(then.department)}"`,
        );
    }
    if (then.strategy !== undefined && !ROUTING_STRATEGIES.includes(String(then.strategy))) {
      add(`${path}.strategy`, 'INVALID_OUTCOME', `Unknown strategy "${String(then.strategy)}"`, ROUTING_STRATEGIES.join(', '));
    }
  }
  for (const [path, then] of tableProblems('sla')) missing(path, 'SLA policy', then, keys.slaPolicies);

  // Escalations.
  for (const escalation of document.escalations) {
    const at = `escalations[${escalation.key}]`;
    if (!ESCALATION_TRIGGERS.includes(escalation.trigger))
      add(`${at}.trigger`, 'INVALID_TRIGGER', `Unknown trigger "${escalation.trigger}"`, ESCALATION_TRIGGERS.join(', '));
    rule(`${at}.when`, escalation.when);
    escalation.actions.forEach((action, index) => {
      const path = `${at}.actions[${index}]`;
      if (action.type === 'raise_severity') missing(`${path}.to`, 'Severity level', action.to, keys.levels);
      else if (action.type === 'reassign') {
        if (action.department) missing(`${path}.department`, 'Department', action.department, keys.departments);
      } else if (action.type === 'notify') {
        if (action.template) missing(`${path}.template`, 'Template', action.template, keys.templates);
        if (action.to === 'customer' && internalTemplates.has(action.template ?? '')) {
          add(`${path}.template`, 'INTERNAL_TEMPLATE', `Template "${action.template}" is internal and cannot be sent to a customer`);
        }
      } else add(`${path}.type`, 'INVALID_ACTION', `Unknown action "${String((action as { type?: unknown }).type)}"`);
    });
  }

  // Incident rules: a rule that could not group at run time (no window, a threshold of one, no key) is refused here.
  for (const incident of document.incidentRules ?? []) {
    const at = `incidentRules[${incident.key}]`;
    rule(`${at}.when`, incident.when);
    if (
      typeof incident.windowMinutes !== 'number' ||
      !Number.isFinite(incident.windowMinutes) ||
      incident.windowMinutes <= 0 ||
      incident.windowMinutes > 7 * 24 * 60
    ) {
      add(`${at}.windowMinutes`, 'INVALID_WINDOW', 'An incident rule needs a window of 1 minute to 7 days', '60');
    }
    if (!Number.isInteger(incident.threshold) || incident.threshold < 2 || incident.threshold > 10_000) {
      add(`${at}.threshold`, 'INVALID_THRESHOLD', 'An incident needs a threshold of at least 2 complaints', '10');
    }
    if (!Array.isArray(incident.groupBy) || incident.groupBy.length === 0) {
      add(`${at}.groupBy`, 'MISSING_GROUP_BY', 'Name the facts that must be equal (e.g. complaint.type and complaint.form.cell_area)');
    } else {
      incident.groupBy.forEach((path, index) => {
        if (typeof path !== 'string' || !(path in schema.fields)) {
          add(`${at}.groupBy[${index}]`, 'UNKNOWN_FACT', `Unknown fact "${String(path)}"`);
        }
      });
    }
    if (incident.department) missing(`${at}.department`, 'Department', incident.department, keys.departments);
  }

  // Templates.
  for (const template of document.templates) {
    const at = `templates[${template.key}]`;
    for (const name of unknownTemplateVariables(template.body))
      add(`${at}.body`, 'UNKNOWN_VARIABLE', `Unknown template variable {{${name}}}`);
    for (const name of unknownTemplateVariables(template.subject))
      add(`${at}.subject`, 'UNKNOWN_VARIABLE', `Unknown template variable {{${name}}}`);
    if (template.channel) missing(`${at}.channel`, 'Channel', template.channel, keys.channels);
    template.typeKeys?.forEach((key) => missing(`${at}.typeKeys[${key}]`, 'Complaint type', key, keys.types));
  }

  // Notices: what is sent when.
  for (const notice of document.notices ?? []) {
    const at = `notices[${notice.key}]`;
    if (!(NOTICE_EVENTS as readonly string[]).includes(notice.event))
      add(`${at}.event`, 'INVALID_EVENT', `Unknown notice event "${notice.event}"`, NOTICE_EVENTS.join(', '));
    notice.channels.forEach((channel, index) => {
      if (!(NOTICE_CHANNELS as readonly string[]).includes(channel))
        add(`${at}.channels[${index}]`, 'INVALID_CHANNEL', `Unknown delivery channel "${channel}"`, NOTICE_CHANNELS.join(', '));
    });
    if (notice.template) missing(`${at}.template`, 'Template', notice.template, keys.templates);
    if (notice.to === 'customer' && notice.template && internalTemplates.has(notice.template)) {
      add(`${at}.template`, 'INTERNAL_TEMPLATE', `Template "${notice.template}" is internal and cannot be sent to a customer`);
    }
    notice.slaPolicies?.forEach((key) => missing(`${at}.slaPolicies[${key}]`, 'SLA policy', key, keys.slaPolicies));
    notice.typeKeys?.forEach((key) => missing(`${at}.typeKeys[${key}]`, 'Complaint type', key, keys.types));
    notice.severities?.forEach((key) => missing(`${at}.severities[${key}]`, 'Severity level', key, keys.levels));
    notice.complaintChannels?.forEach((key) => missing(`${at}.complaintChannels[${key}]`, 'Channel', key, keys.channels));
  }

  // Workflows: states, transitions, guards and actions.
  workflowProblems(document, add, missing, rule, keys);
  approvalChainProblems(document, add, missing, rule, keys);

  // Rule tests: what they expect must exist, or they could never pass.
  for (const test of document.tests) {
    const at = `tests[${test.key}].expect`;
    if (test.expect.severity) missing(`${at}.severity`, 'Severity level', test.expect.severity, keys.levels);
    if (test.expect.department) missing(`${at}.department`, 'Department', test.expect.department, keys.departments);
    if (test.expect.slaPolicy) missing(`${at}.slaPolicy`, 'SLA policy', test.expect.slaPolicy, keys.slaPolicies);
  }
  return problems;
}
