import { contentHash } from '../policy/engine/canonical-json';
import type { SubmitComplaintInput } from './dtos/complaint.inputs';

/**
 * A stable SHA-256 of what a submitComplaint call asks for — everything but the idempotency key itself — so a
 * retry (same content) is told apart from another complaint that reuses the key. Canonical JSON makes it
 * independent of member order and of absent-versus-null; complainant values enter as their keyed blind index
 * (normalised, HMAC), so the stored hash reveals no personal data even to someone guessing phone numbers.
 */
export function requestFingerprint(input: SubmitComplaintInput, blindIndex: (value: string | null | undefined) => string | null): string {
  const complainant = input.complainant ?? {};
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : null;
  return contentHash({
    channel: input.channel,
    type: input.type,
    title: input.title ?? null,
    text: input.text,
    requestedRemedy: input.requestedRemedy ?? null,
    reference: input.reference ?? null,
    occurredAt: occurredAt && !Number.isNaN(occurredAt.getTime()) ? occurredAt.toISOString() : null,
    form: input.form ?? {},
    attachments: input.attachments ?? [],
    complainant: {
      name: blindIndex(complainant.name),
      phone: blindIndex(complainant.phone),
      email: blindIndex(complainant.email),
      idNumber: blindIndex(complainant.idNumber),
      customerReference: blindIndex(complainant.customerReference),
    },
  });
}
