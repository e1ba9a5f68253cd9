import type { TestApp } from './test-app';

export const COMPLAINT_FIELDS = `id number state severity department assigneeId valid invalidReason slaPolicy policyVersion
  resolutionDueAt slaStatus approvalStatus unsatisfiedCount reopenCount type typePath
  complainant { name phone masked } form
  decisions { kind outcome ruleSet rowKey policyVersion explanation }`;

export const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { ${COMPLAINT_FIELDS} } }`;

let phoneSerial = 0;
/** A plausible complainant with a unique mobile number. */
export function complainant(name = '张三') {
  phoneSerial += 1;
  return { name, phone: `139${String(10_000_000 + phoneSerial * 7919).slice(-8)}` };
}

export async function submit(t: TestApp, token: string, input: Record<string, unknown>) {
  const data = await t.gqlOk<{ submitComplaint: any }>(SUBMIT, { input: { complainant: complainant(), ...input } }, token);
  return data.submitComplaint;
}
