import type { DecisionTable, JsonLogicRule } from '@redress/rules';
import type { WorkflowDefinition } from './workflow';
import type { ApprovalChain } from './approval';

/**
 * The policy document: everything that decides how a tenant's complaints are handled, as plain data.
 * A published version is an immutable PolicyDocument; plugins contribute pieces of it; export/import use it.
 * Keys are stable identifiers (lower_snake or dotted), never display text.
 */
export interface LocalizedText {
  zh: string;
  en?: string;
}

export type ComplaintKind = 'complaint' | 'suggestion' | 'consultation';

export const FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'datetime',
  'select',
  'multi_select',
  'boolean',
  'phone',
  'email',
  'id_number',
  'reference',
  'attachment',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldOption {
  value: string;
  label: LocalizedText;
}

export interface FieldValidation {
  pattern?: string;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
}

/** A form field definition (values live in the complaint's JSON `form` column under this key). */
export interface FieldDefinition {
  key: string;
  label: LocalizedText;
  type: FieldType;
  required?: boolean;
  options?: FieldOption[];
  /** JSON-logic over the complaint facts: the field shows only when true. */
  visibleWhen?: JsonLogicRule;
  /** JSON-logic: the field is required when true (in addition to `required`). */
  requiredWhen?: JsonLogicRule;
  validation?: FieldValidation;
  /** Personal data: encrypted at rest and masked for roles that do not need it. */
  personal?: boolean;
  help?: LocalizedText;
  /** Who contributed it (`core`, or a plugin id). */
  source?: string;
}

/** The longest retention period a complaint type may set: 100 years. */
export const MAX_RETENTION_MONTHS = 1200;

export interface ComplaintTypeDefinition {
  key: string;
  /** Parent in the type tree (服务质量 › 服务态度); null/undefined for a root. */
  parentKey?: string | null;
  name: LocalizedText;
  kind: ComplaintKind;
  /** Form field keys shown for this type, in order (a child inherits its parent's fields first). */
  fields: string[];
  defaultSeverity?: string;
  defaultDepartment?: string;
  /**
   * Retention: months after closure before a closed complaint of this type and its personal data are purged
   * (60 = five years). Inherited down the type tree; none on the whole lineage = kept.
   */
  retentionMonths?: number | null;
  /** The workflow complaints of this type follow (inherited from the parent type; else `default`). */
  workflow?: string;
  /** Category path for taxonomy rules, derived from the tree: e.g. `service/attitude`. */
  active?: boolean;
  source?: string;
}

export interface ChannelDefinition {
  key: string;
  name: LocalizedText;
  /** Channels whose complaints arrive in real time and need an immediate acknowledgement. */
  realtime?: boolean;
  source?: string;
}

export interface DepartmentDefinition {
  key: string;
  name: LocalizedText;
  parentKey?: string | null;
  region?: string;
  /** E-mail of the department manager (user account), who receives escalations and approves. */
  managerEmail?: string;
}

export interface TeamDefinition {
  key: string;
  departmentKey: string;
  name: LocalizedText;
  /** E-mails of handlers (user accounts) in this team. */
  members: string[];
}

export interface SeverityLevel {
  key: string;
  name: LocalizedText;
  /** Higher is more severe. */
  rank: number;
  /** The solution needs a manager's approval before the reply goes out. */
  requiresApproval?: boolean;
  color?: string;
}

export type DurationKind = 'natural_minutes' | 'natural_hours' | 'natural_days' | 'working_minutes' | 'working_hours' | 'working_days';
export interface DurationSpec {
  amount: number;
  kind: DurationKind;
}

export interface CalendarDefinition {
  key: string;
  name: LocalizedText;
  timeZone: string;
  workingHours: { start: string; end: string }[];
  weekendDays: number[];
  useChineseHolidays: boolean;
  closures?: string[];
  extraWorkingDays?: string[];
}

/**
 * The official holiday and 调休 schedule of one year (the State Council's notice), entered by an administrator for a
 * year the bundled holiday data does not cover yet — or to correct it. Calendars with `useChineseHolidays` follow it
 * for that year instead of the bundled data. Policy data, so it is versioned, audited and diffed like a calendar.
 */
export interface HolidaySchedule {
  /** The year as text, e.g. `"2027"`. */
  key: string;
  year: number;
  /** Where it comes from, e.g. `国办发明电〔2026〕7号`. */
  source?: string;
  /** Days off (放假), inclusive ranges of local dates `YYYY-MM-DD`; `days` is the notice's 共N天 when given. */
  holidays: { name: string; start: string; end: string; days?: number }[];
  /** Weekend days that are working days (调休上班). */
  makeupWorkdays: { date: string; name: string }[];
}

/** What a finding records (issue 16: known only after a handler investigates). */
export const FINDING_KINDS = ['validity_criterion', 'root_cause', 'responsibility', 'confirmed_cause'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/**
 * A coded finding a handler may record on a complaint after investigating (e.g. `owner_caused`: the damage was caused
 * by the owner). Recorded findings are the facts `finding.codes` / `finding.validity`, and the validity and severity
 * decisions are re-run with them.
 */
export interface FindingCode {
  key: string;
  kind: FindingKind;
  name: LocalizedText;
  /** Roles that may record it (default: handler, manager, admin). */
  roles?: string[];
}

export type SlaTargetKey =
  'acknowledge' | 'dispatch' | 'first_response' | 'progress_update' | 'resolution' | 'follow_up' | 'regulatory_answer';

export interface SlaTarget {
  key: SlaTargetKey | string;
  name?: LocalizedText;
  duration: DurationSpec;
  /** Calendar key; defaults to the policy's default calendar. */
  calendar?: string;
  /** Warn when this share of the time has elapsed (default 80). */
  warnAtPercent?: number;
  /** Recurs (progress updates every 30 minutes) until stopped. */
  recurring?: boolean;
  /** JSON-logic over `{complaint: {state, …}}`; the clock starts when true (default: at intake). */
  startWhen?: JsonLogicRule;
  pauseWhen?: JsonLogicRule;
  stopWhen?: JsonLogicRule;
  /** Extension stages measured from the start (15 → 30 → 60 days). */
  extensions?: DurationSpec[];
  /** Role that must approve an extension (default manager). */
  extensionApprovalRole?: string;
  onNonWorkingDay?: 'roll_forward_end_of_next_working_day' | 'roll_forward_start_of_next_working_day' | 'keep';
}

export interface SlaPolicyDefinition {
  key: string;
  name: LocalizedText;
  targets: SlaTarget[];
  source?: string;
}

export interface ValidityOutcome {
  valid: boolean;
  /** Invalid reason code, e.g. `not_rights_holder`. */
  reason?: string;
  reasonText?: LocalizedText;
}

export interface RoutingOutcome {
  department: string;
  team?: string;
  assignee?: string;
  strategy?: 'manual' | 'round_robin' | 'least_loaded';
}

export interface PolicyRuleSets {
  validity: DecisionTable<ValidityOutcome>;
  /** Returns a severity level key. */
  severity: DecisionTable<string>;
  routing: DecisionTable<RoutingOutcome>;
  /** Returns an SLA policy key. */
  sla: DecisionTable<string>;
}

export type EscalationTrigger = 'warning' | 'breach' | 'unsatisfied' | 'aggregate' | 'cross_department';

export type EscalationAction =
  | { type: 'raise_severity'; to: string }
  | { type: 'reassign'; department?: string; assignee?: string }
  | { type: 'notify'; to: 'manager' | 'assignee' | 'department' | 'customer' | string; template?: string };

export interface EscalationRule {
  key: string;
  name: LocalizedText;
  trigger: EscalationTrigger;
  /** For warning/breach: the SLA target key it watches (any when absent). */
  target?: string;
  /** Extra conditions (JSON-logic over the complaint facts). */
  when?: JsonLogicRule;
  actions: EscalationAction[];
}

/**
 * 批量事件 (mass incident): many complaints about one cause in a short time — a telecom outage, a water cut in an
 * estate — become one incident with its own owner, state and deadline, answered and closed together.
 */
export interface IncidentRule {
  key: string;
  name: LocalizedText;
  /** Which complaints may be grouped (JSON-logic over the complaint facts); every complaint when absent. */
  when?: JsonLogicRule;
  /** Fact paths whose values must be equal for complaints to form one incident (e.g. `complaint.form.cell_area`). */
  groupBy: string[];
  /** A group counts complaints received within this many minutes of each other. */
  windowMinutes: number;
  /** How many complaints (at least 2) make an incident. */
  threshold: number;
  /** Department that owns incidents of this rule (their members keep their own routing). */
  department?: string;
}

export type TemplateKind = 'script' | 'letter' | 'notice';

export interface ReplyTemplate {
  key: string;
  name: LocalizedText;
  kind: TemplateKind;
  channel?: string;
  typeKeys?: string[];
  subject?: string;
  /** Text with `{{customer.name}}`, `{{complaint.number}}`, `{{deadline.resolution}}` … variables. */
  body: string;
  /** For staff only (公司机密): never sent to a customer — a reply with it is refused, a customer notice with it too. */
  internal?: boolean;
  source?: string;
}

/** The moments a notice can be sent at (the domain events, plus the notices the SLA and escalation engines raise). */
export const NOTICE_EVENTS = [
  'complaint.submitted',
  'complaint.routed',
  'complaint.transitioned',
  'complaint.replied',
  'complaint.closed',
  'sla.warning',
  'sla.breached',
  'sla.extended',
] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

/** Delivery channels of a notice. */
export const NOTICE_CHANNELS = ['email', 'sms', 'in_app'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/**
 * What is sent when (policy data): on `event`, send `template` to `to` over `channels`, for the complaints that match
 * the optional filters. The extension notice of an SLA policy is the `sla.extended` rule that names that policy
 * (else the one that names none) — never a guess from template names.
 */
export interface NoticeRule {
  key: string;
  name: LocalizedText;
  event: NoticeEvent | string;
  /** `customer`, `assignee`, `manager` (the department's manager), `department`, a role name or an e-mail address. */
  to: string;
  channels: string[];
  /** Template rendered for the notice; a `complaint.replied` notice without one carries the reply letter itself. */
  template?: string;
  /** Only for complaints under these SLA policies / of these types / intake channels / severities / in these states. */
  slaPolicies?: string[];
  typeKeys?: string[];
  complaintChannels?: string[];
  severities?: string[];
  states?: string[];
  /** For `sla.*` events: only for these SLA targets (e.g. `progress_update` → progress reports on urgent complaints). */
  targets?: string[];
  /** Sent even in the tenant's quiet hours (e.g. progress reports on urgent complaints). */
  urgent?: boolean;
  active?: boolean;
}

export interface RuleTestExpectation {
  valid?: boolean;
  invalidReason?: string;
  severity?: string;
  department?: string;
  slaPolicy?: string;
}

export interface RuleTestCase {
  key: string;
  description?: string;
  /** Sample complaint facts (see the fact schema). */
  facts: Record<string, unknown>;
  expect: RuleTestExpectation;
}

export interface PolicySettings {
  defaultCalendar: string;
  defaultSeverity: string;
  /** Approve a publish by a second person (maker-checker). */
  requirePublishApproval?: boolean;
  /** Days within which a repeat complaint on the same type counts against effective resolution. */
  repeatWindowDays?: number;
  /** Complaint numbers, e.g. `{YY}{MM}-{SEQ:4}` (the default, 2611-0001); the serial restarts each month. */
  numberPattern?: string;
  /** KPI targets of the weekly report and the dashboard (shares 0–1); absent members keep the defaults. */
  kpiTargets?: KpiTargets;
  /** Attachment limits (absent members keep the defaults: 10 MB a file, 10 files, photos/PDF/office/audio/video/text). */
  attachments?: AttachmentSettings;
}

export interface AttachmentSettings {
  maxFileBytes?: number;
  maxFiles?: number;
  /** Content types detected from the bytes, e.g. image/jpeg, application/pdf. */
  allowedTypes?: string[];
}

export interface KpiTargets {
  /** 处理及时率 over all deadlines (default 0.95). */
  onTimeRate?: number;
  /** 满意率 (default 0.95). */
  satisfactionRate?: number;
  /** 有效解决率 (default 0.9). */
  effectiveResolutionRate?: number;
  /** On-time targets per deadline type (SLA target key: resolution, dispatch …); others use `onTimeRate`. */
  onTimeByTarget?: { target: string; rate: number }[];
}

/** The targets of the process-approach document (REQUIREMENTS §3), used where a policy sets none. */
export const DEFAULT_KPI_TARGETS = { onTimeRate: 0.95, satisfactionRate: 0.95, effectiveResolutionRate: 0.9 } as const;

export interface PolicyDocument {
  schemaVersion: 1;
  settings: PolicySettings;
  severityLevels: SeverityLevel[];
  complaintTypes: ComplaintTypeDefinition[];
  fields: FieldDefinition[];
  channels: ChannelDefinition[];
  departments: DepartmentDefinition[];
  teams: TeamDefinition[];
  calendars: CalendarDefinition[];
  /** Entered holiday schedules by year (absent in documents written before they existed). */
  holidaySchedules?: HolidaySchedule[];
  slaPolicies: SlaPolicyDefinition[];
  /** Coded findings after investigation (absent in documents written before they existed). */
  findingCodes?: FindingCode[];
  rules: PolicyRuleSets;
  escalations: EscalationRule[];
  templates: ReplyTemplate[];
  /** What is sent when (absent in documents written before notices existed). */
  notices: NoticeRule[];
  tests: RuleTestCase[];
  /** Mass-incident grouping; absent in documents written before incidents existed. */
  incidentRules?: IncidentRule[];
  /** Life cycles (issue 18); absent or without `default`: the built-in default workflow. */
  workflows?: WorkflowDefinition[];
  /** Who signs replies and policy versions, step by step (issue 18). */
  approvalChains?: ApprovalChain[];
}

/** The object kinds of a policy that are edited as rows (key → object). */
export const POLICY_COLLECTIONS = [
  'severityLevels',
  'complaintTypes',
  'fields',
  'channels',
  'departments',
  'teams',
  'calendars',
  'holidaySchedules',
  'slaPolicies',
  'escalations',
  'templates',
  'notices',
  'tests',
  'incidentRules',
  'findingCodes',
  'workflows',
  'approvalChains',
] as const;
export type PolicyCollection = (typeof POLICY_COLLECTIONS)[number];

export function emptyPolicy(): PolicyDocument {
  return {
    schemaVersion: 1,
    settings: { defaultCalendar: 'default', defaultSeverity: 'normal' },
    severityLevels: [],
    complaintTypes: [],
    fields: [],
    channels: [],
    departments: [],
    teams: [],
    calendars: [],
    holidaySchedules: [],
    slaPolicies: [],
    rules: {
      validity: { key: 'validity', hitPolicy: 'first', rows: [], default: { valid: true } },
      severity: { key: 'severity', hitPolicy: 'priority', rows: [] },
      routing: { key: 'routing', hitPolicy: 'first', rows: [] },
      sla: { key: 'sla', hitPolicy: 'first', rows: [] },
    },
    escalations: [],
    templates: [],
    notices: [],
    tests: [],
    incidentRules: [],
    findingCodes: [],
    workflows: [],
    approvalChains: [],
  };
}
