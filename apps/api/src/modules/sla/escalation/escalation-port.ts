import type { EntityManager } from 'typeorm';
import type { Complaint } from '../../complaint/complaint.entity';

/**
 * What escalation needs from the complaint module. Implemented there (ComplaintEscalationAdapter) and resolved
 * lazily through ModuleRef, so the SLA module does not import the complaint module (which imports SLA).
 */
export const COMPLAINT_ESCALATION_PORT = Symbol('COMPLAINT_ESCALATION_PORT');

export interface EscalationBecause {
  ruleKey: string;
  trigger: string;
  policyVersion: number;
}

export interface ComplaintEscalationPort {
  /** Raises the severity (never lowers it); false when the complaint already is at or above `level`. */
  raiseSeverity(manager: EntityManager, complaint: Complaint, level: string, because: EscalationBecause): Promise<boolean>;
  reassign(
    manager: EntityManager,
    complaint: Complaint,
    target: { department?: string; assignee?: string },
    because: EscalationBecause,
  ): Promise<void>;
  /** Appends to the complaint's timeline (append-only). */
  appendEvent(
    manager: EntityManager,
    complaint: Complaint,
    type: string,
    data: Record<string, unknown>,
    actor?: { id?: string | null; role?: string | null },
  ): Promise<void>;
}
