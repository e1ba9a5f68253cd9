import { randomUUID } from 'node:crypto';

/**
 * What a run sends, in a form that crosses a process boundary (the load generator is a child process): a fixed
 * GraphQL body, or the name of a generator making a new body per request.
 */
export type BodySpec = { query: string; variables?: Record<string, unknown> } | { generator: 'intake'; from: number };

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id number } }`;

/**
 * `submitComplaint` bodies: every request a new complaint by a new complainant (serials from `from`, so runs given
 * distinct ranges never reuse a phone number), each with its own idempotency key.
 */
export function intakeBody(from: number): () => unknown {
  let serial = from;
  return () => {
    serial += 1;
    return {
      query: SUBMIT,
      variables: {
        input: {
          idempotencyKey: randomUUID(),
          channel: 'phone',
          type: 'service.efficiency',
          text: `压测投诉 ${serial}：营业厅排队时间过长，工作人员说要等到下午。`,
          complainant: { name: `客户${serial}`, phone: `139${String(100_000_000 + serial).slice(-8)}` },
          form: { order_no: `SO-${serial}` },
        },
      },
    };
  };
}
