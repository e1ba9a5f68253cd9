import type { BusinessCalendar } from '../sla/calendar';
import { dateTimeFormat } from '../../common/date-format';

export interface IntakeFactsInput {
  channel: string;
  type: string;
  typePath: string;
  kind: string;
  title?: string | null;
  text: string;
  requestedRemedy?: string | null;
  reference?: string | null;
  occurredAt?: Date | null;
  receivedAt: Date;
  form: Record<string, unknown>;
  attachmentCount: number;
  hasPhone: boolean;
  customerReference?: string | null;
}

/**
 * Counting facts at intake. All of them count VALID complaints only (a suggestion or a malicious message is not a
 * complaint to count) and all of them INCLUDE the complaint being submitted (it is not yet decided, so it counts
 * whatever its validity will be) — "the 2nd complaint in 30 days" reads `>= 2` everywhere. The labels in
 * @redress/sdk SYSTEM_FACTS say the same to rule authors.
 */
export interface AggregateFacts {
  /** This customer's valid complaints received in the last 30 days, this one included (≥ 1). */
  customerComplaintsLast30Days: number;
  /** This customer's valid complaints ever, this one included (≥ 1). */
  customerComplaintsTotal: number;
  /**
   * Distinct customers with a valid complaint of the same type in the last 30 days, this customer included (≥ 1),
   * counted up to DISTINCT_CUSTOMERS_CAP (that value means "that many or more").
   */
  sameTypeCustomers30d: number;
  /**
   * Distinct customers with a valid complaint of the same cause in the last 30 days, this customer included. The cause of
   * an earlier complaint is its confirmed cause, else its predicted one; this complaint's is the classifier's
   * prediction. 0 when this complaint has no predicted cause (no model): nothing is known to be the same. Counted up
   * to DISTINCT_CUSTOMERS_CAP.
   */
  sameCauseCustomers30d: number;
  /** Valid complaints on the same order/reference number, this one included; 0 when no reference was given. */
  sameReferenceCount: number;
}

/**
 * The facts rules read at intake (the shape SYSTEM_FACTS in @redress/sdk documents). Personal values are left
 * out: facts are stored on the complaint for explanation and simulation.
 */
export function buildIntakeFacts(
  input: IntakeFactsInput,
  aggregates: AggregateFacts,
  calendar: BusinessCalendar,
  timeZone: string,
  prediction?: { cause: string; confidence: number } | null,
): Record<string, unknown> {
  const local = dateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23', weekday: 'short' }).formatToParts(input.receivedAt);
  const hour = Number(local.find((p) => p.type === 'hour')?.value ?? 0);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(local.find((p) => p.type === 'weekday')?.value ?? 'Sun');
  return {
    now: input.receivedAt.toISOString(),
    complaint: {
      channel: input.channel,
      type: input.type,
      typePath: input.typePath,
      kind: input.kind,
      title: input.title ?? '',
      text: input.text,
      requestedRemedy: input.requestedRemedy ?? '',
      reference: input.reference ?? null,
      occurredAt: input.occurredAt ? input.occurredAt.toISOString() : null,
      receivedAt: input.receivedAt.toISOString(),
      attachmentCount: input.attachmentCount,
      form: input.form,
      state: 'received',
      departmentsInvolved: 1,
      reopenCount: 0,
      unsatisfiedCount: 0,
    },
    customer: {
      complaintsLast30Days: aggregates.customerComplaintsLast30Days,
      complaintsTotal: aggregates.customerComplaintsTotal,
      hasPhone: input.hasPhone,
      reference: input.customerReference ?? null,
    },
    aggregate: {
      sameTypeCustomers30d: aggregates.sameTypeCustomers30d,
      sameCauseCustomers30d: aggregates.sameCauseCustomers30d,
      sameReferenceCount: aggregates.sameReferenceCount,
    },
    time: { hourOfDay: hour, weekday, isWorkingDay: calendar.isWorkingDay(input.receivedAt) },
    prediction: prediction ? { cause: prediction.cause, confidence: prediction.confidence } : { cause: null, confidence: 0 },
  };
}
