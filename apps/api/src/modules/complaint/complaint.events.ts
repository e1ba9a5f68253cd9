import { DomainEvent } from '../../common/events/domain-event-bus';
import type { CompiledPolicy } from '../policy/engine/compiled-policy';
import type { Complaint } from './complaint.entity';

/** What kind of change a complaint went through (the SLA clocks react differently to each). */
export type ComplaintChangeType = 'transition' | 'progress' | 'reply' | 'follow_up' | 'assignment';

export interface ComplaintChange {
  type: ComplaintChangeType;
  /** The state it moved to, when it moved. */
  to?: string;
  /**
   * The complaint is handled again after it was answered (an unsatisfied follow-up): the open clocks of the
   * finished round stop, and every target starts afresh from now by its conditions, as if the complaint were new.
   * The text says why (timeline).
   */
  newRound?: string;
  /** A transition's `stop_clocks` action: every open clock of the complaint stops now (met or breached as it stands). */
  stopClocks?: boolean;
}

/** A transition taken, by a person or by an operation (trigger), as recorded on the timeline. */
export interface TransitionTaken {
  key: string;
  from: string;
  to: string;
  trigger: string;
  automatic: boolean;
}

/** A complaint was stored at intake, in the transaction that stores it (its clocks start on this). */
export class ComplaintReceived extends DomainEvent {
  readonly type = 'complaint.received';
  constructor(
    readonly complaint: Complaint,
    readonly policy: CompiledPolicy,
    readonly at: Date,
    /**
     * The complaint's row is written after this event (intake): what subscribers derive onto the complaint goes onto
     * the entity only, and is inserted with it — an UPDATE of the row right after its INSERT was a statement (on
     * PostgreSQL a round trip inside the group commit) per intake.
     */
    readonly rowPending = false,
  ) {
    super();
  }
}

/**
 * A complaint changed (state, assignment, a reply, a follow-up, a progress report), in the transaction of the change.
 * `transition` is set when its state moved — every move, manual or automatic, goes through ComplaintWorkflow.
 */
export class ComplaintChanged extends DomainEvent {
  readonly type = 'complaint.changed';
  constructor(
    readonly complaint: Complaint,
    readonly policy: CompiledPolicy,
    readonly at: Date,
    readonly change: ComplaintChange,
    readonly transition?: TransitionTaken,
  ) {
    super();
  }
}

/** Escalation rules' triggers the complaint module raises (warning/breach come from the SLA scheduler itself). */
export type ComplaintEscalationTrigger = 'aggregate' | 'unsatisfied' | 'cross_department';

/**
 * Something happened that escalation rules may react to (a cluster at intake, an unsatisfied follow-up, a second
 * department involved), in the transaction of the change; the SLA module's escalation engine subscribes.
 */
export class ComplaintEscalationRaised extends DomainEvent {
  readonly type = 'complaint.escalation_raised';
  constructor(
    readonly complaint: Complaint,
    readonly policy: CompiledPolicy,
    readonly at: Date,
    readonly trigger: ComplaintEscalationTrigger,
  ) {
    super();
  }
}
