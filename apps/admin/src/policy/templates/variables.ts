/**
 * Variables a reply template may use (the API fills them when a reply is sent; mirrors TEMPLATE_VARIABLES in
 * libs/sdk/src/policy/fact-schema.ts). Labels and preview samples are in the i18n files under
 * `app.template_vars.<key with . as __>` and `app.template_samples.<…>`.
 */
export const TEMPLATE_VARIABLES = [
  'tenant.name',
  'customer.name',
  'customer.title',
  'complaint.number',
  'complaint.typeName',
  'complaint.receivedAt',
  'complaint.text',
  'complaint.reference',
  'complaint.severityName',
  'department.name',
  'handler.name',
  'deadline.acknowledge',
  'deadline.dispatch',
  'deadline.first_response',
  'deadline.resolution',
  'deadline.follow_up',
  'deadline.regulatory_answer',
  'reply.solution',
  'reply.rootCause',
  'extension.reason',
  'extension.newDeadline',
] as const;

export const variableMessageKey = (name: string) => name.replace(/\./g, '__');

/** Replaces `{{ variable }}` with a value; unknown variables are left visible so a typo shows in the preview. */
export function renderTemplate(body: string, value: (name: string) => string | undefined): string {
  return body.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, name: string) => value(name) ?? match);
}

/** Variables used in a body that the platform does not know. */
export function unknownVariables(body: string): string[] {
  const known = new Set<string>(TEMPLATE_VARIABLES);
  return [...body.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).filter((name) => !known.has(name));
}
