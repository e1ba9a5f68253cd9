/** What the agent typed on the intake form. */
export interface IntakeValues {
  type: string;
  channel: string;
  title?: string;
  text: string;
  requestedRemedy?: string;
  customer: { name?: string; phone?: string; email?: string };
  form: Record<string, unknown>;
  /** Ids of uploaded files (POST /attachments). */
  attachments?: string[];
}

/** Input field names the API may use for each value (first one the input type declares wins). */
const CANDIDATES: Record<string, string[]> = {
  type: ['typeKey', 'type', 'complaintType', 'complaintTypeKey'],
  channel: ['channel', 'channelKey'],
  title: ['title', 'subject'],
  text: ['text', 'content', 'description'],
  requestedRemedy: ['requestedRemedy', 'remedy', 'demand'],
  form: ['form', 'formValues', 'fields', 'values'],
  attachments: ['attachments'],
};

/**
 * Builds `submitComplaint`'s input from the intake values using the field names its input type declares, so the
 * form keeps working whatever the complaint module named them. `customer` may be an object or flat fields.
 */
export function buildSubmitInput(inputFields: { name: string; nestedFields?: string[] }[], values: IntakeValues): Record<string, unknown> {
  const names = new Map(inputFields.map((f) => [f.name, f]));
  const input: Record<string, unknown> = {};
  for (const [value, candidates] of Object.entries(CANDIDATES)) {
    const name = candidates.find((c) => names.has(c));
    const v = (values as any)[value];
    if (name && v !== undefined && v !== '') input[name] = v;
  }
  const customer = Object.fromEntries(Object.entries(values.customer).filter(([, v]) => v));
  const customerField = names.get('customer') ?? names.get('complainant');
  if (customerField) {
    const allowed = customerField.nestedFields;
    input[customerField.name] = allowed ? Object.fromEntries(Object.entries(customer).filter(([k]) => allowed.includes(k))) : customer;
  } else {
    for (const [k, v] of Object.entries(customer)) {
      const flat = [`customer${k[0].toUpperCase()}${k.slice(1)}`, `complainant${k[0].toUpperCase()}${k.slice(1)}`].find((n) =>
        names.has(n),
      );
      if (flat) input[flat] = v;
    }
  }
  return input;
}
