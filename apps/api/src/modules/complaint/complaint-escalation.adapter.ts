import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { User } from '../auth/user.entity';
import { PolicyService } from '../policy/policy.service';
import { Complaint } from './complaint.entity';
import { ComplaintTimeline } from './complaint-timeline';

type Because = { ruleKey: string; trigger: string; policyVersion: number };

/** Escalation actions on complaints, for the SLA module's escalation engine (COMPLAINT_ESCALATION_PORT). */
@Injectable()
export class ComplaintEscalationAdapter {
  constructor(
    private readonly timeline: ComplaintTimeline,
    private readonly policies: PolicyService,
    private readonly clock: Clock,
  ) {}

  /** Raises severity only upwards by level rank; returns whether it changed. */
  async raiseSeverity(manager: EntityManager, complaint: Complaint, level: string, because: Because): Promise<boolean> {
    const policy = await this.policies.getVersion(complaint.tenantId, complaint.policyVersion);
    const current = policy.severityLevel(complaint.severity)?.rank ?? 0;
    const target = policy.severityLevel(level)?.rank;
    if (target === undefined || target <= current) return false;
    const from = complaint.severity;
    complaint.severity = level;
    complaint.updatedAt = this.clock.now();
    const facts = complaint.facts as { complaint?: Record<string, unknown>; severity?: string };
    if (facts.complaint) facts.complaint.severity = level;
    facts.severity = level;
    await manager.update(
      Complaint,
      { id: complaint.id },
      { severity: level, facts: complaint.facts as never, updatedAt: complaint.updatedAt },
    );
    await this.timeline.append(
      manager,
      complaint,
      'severity.raised',
      { from, to: level, ...because },
      { role: 'system' },
      complaint.updatedAt,
    );
    return true;
  }

  async reassign(
    manager: EntityManager,
    complaint: Complaint,
    target: { department?: string; assignee?: string },
    because: Because,
  ): Promise<void> {
    const before = { department: complaint.department ?? null, assigneeId: complaint.assigneeId ?? null };
    if (target.department) complaint.department = target.department;
    if (target.assignee) {
      // A person deactivated after the policy was published gets no work: the complaint keeps its assignee.
      const user = await manager.findOne(User, {
        where: { tenantId: complaint.tenantId, email: target.assignee.toLowerCase(), active: true },
      });
      complaint.assigneeId = user?.id ?? complaint.assigneeId;
    } else if (target.department && target.department !== before.department) {
      complaint.assigneeId = null;
    }
    complaint.updatedAt = this.clock.now();
    await manager.update(
      Complaint,
      { id: complaint.id },
      { department: complaint.department, assigneeId: complaint.assigneeId, updatedAt: complaint.updatedAt },
    );
    await this.timeline.append(
      manager,
      complaint,
      'assigned',
      {
        before,
        after: { department: complaint.department ?? null, assigneeId: complaint.assigneeId ?? null },
        automatic: true,
        ...because,
      },
      { role: 'system' },
      complaint.updatedAt,
    );
  }

  async appendEvent(
    manager: EntityManager,
    complaint: Complaint,
    type: string,
    data: Record<string, unknown>,
    actor?: { id?: string | null; role?: string | null },
  ): Promise<void> {
    await this.timeline.append(manager, complaint, type, data, actor ?? { role: 'system' }, this.clock.now());
  }
}
