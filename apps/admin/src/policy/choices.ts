/** Fixed vocabularies of the policy document (libs/sdk/src/policy/types.ts); labels live in the i18n files. */
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
export const COMPLAINT_KINDS = ['complaint', 'suggestion', 'consultation'] as const;
export const DURATION_KINDS = [
  'working_days',
  'working_hours',
  'working_minutes',
  'natural_days',
  'natural_hours',
  'natural_minutes',
] as const;
export const SLA_TARGETS = [
  'acknowledge',
  'dispatch',
  'first_response',
  'progress_update',
  'resolution',
  'follow_up',
  'regulatory_answer',
] as const;
export const TEMPLATE_KINDS = ['script', 'letter', 'notice'] as const;
export const ESCALATION_TRIGGERS = ['warning', 'breach', 'unsatisfied', 'aggregate', 'cross_department'] as const;
export const ESCALATION_ACTIONS = ['raise_severity', 'reassign', 'notify'] as const;
/** Approval chains (libs/sdk/src/policy/approval.ts): what they sign, and the roles the approval mutations admit. */
export const APPROVAL_SUBJECTS = ['reply', 'closure', 'extension', 'policy'] as const;
export const APPROVER_ROLES = ['manager', 'admin'] as const;
export const ROUTING_STRATEGIES = ['manual', 'round_robin', 'least_loaded'] as const;

/** `[{id, name}]` choices whose names are translation keys `app.<group>.<value>`. */
export const choicesOf = (group: string, values: readonly string[]) => values.map((id) => ({ id, name: `app.${group}.${id}` }));
