import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import type { AuthContext } from '../../common/auth/auth-context';
import { PolicyService } from '../policy/policy.service';
import { SlaCalendars } from '../sla/sla-calendars.service';
import { TenantService } from '../tenant/tenant.service';
import { CLOSED_STATES, Complaint } from './complaint.entity';
import { ComplaintErrors } from './complaint.exception';
import { ComplaintTimeline } from './complaint-timeline';

/** Who may record a finding whose code names no roles. */
const DEFAULT_FINDING_ROLES = ['handler', 'manager', 'admin'];

export interface FindingFacts {
  codes: string[];
  /** The latest validity criterion found, if any. */
  validity: string | null;
}

/** The findings already recorded on a complaint (its `finding` facts). */
export function findingFactsOf(complaint: Pick<Complaint, 'facts'>): FindingFacts {
  const stored = (complaint.facts as { finding?: Partial<FindingFacts> } | null)?.finding;
  return { codes: [...(stored?.codes ?? [])], validity: stored?.validity ?? null };
}

/**
 * Findings after investigation (issue 16): a handler records a coded finding from the complaint's policy version
 * (validity criterion, root cause, responsibility, confirmed cause); it becomes the facts `finding.codes` /
 * `finding.validity`, and the validity and severity decisions are re-run on the complaint's facts with it, each
 * re-decision explained on the timeline. A complaint found invalid keeps the criterion as its invalid reason, so
 * closing it as invalid stores the coded criterion and its text instead of `manual`.
 */
@Injectable()
export class ComplaintFindingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly policies: PolicyService,
    private readonly calendars: SlaCalendars,
    private readonly tenants: TenantService,
    private readonly timeline: ComplaintTimeline,
  ) {}

  async record(auth: AuthContext, complaintId: string, code: string, note?: string | null): Promise<Complaint> {
    return this.dataSource.transaction(async (manager) => {
      const qb = manager
        .getRepository(Complaint)
        .createQueryBuilder('c')
        .where('c.id = :id AND c.tenant_id = :tenantId', { id: complaintId, tenantId: auth.tenantId });
      if (manager.connection.options.type === 'postgres') qb.setLock('pessimistic_write');
      const complaint = await qb.getOne();
      if (!complaint) throw ComplaintErrors.create('NOT_FOUND', { field: 'input.complaintId' });
      if ((CLOSED_STATES as readonly string[]).includes(complaint.state))
        throw ComplaintErrors.create('CLOSED', { field: 'input.complaintId' });
      // The codes of the version that decided the complaint: its decisions are re-run under the same rules.
      const policy = await this.policies.getVersion(auth.tenantId, complaint.policyVersion);
      const finding = (policy.document.findingCodes ?? []).find((f) => f.key === code);
      if (!finding) {
        const known =
          (policy.document.findingCodes ?? [])
            .map((f) => f.key)
            .sort()
            .join(', ') || '—';
        throw ComplaintErrors.create('FINDING_CODE_UNKNOWN', { field: 'input.code', params: { code, version: policy.version, known } });
      }
      const roles = finding.roles?.length ? finding.roles : DEFAULT_FINDING_ROLES;
      if (!roles.includes(auth.role))
        throw ComplaintErrors.create('FINDING_NOT_ALLOWED', { field: 'input.code', params: { code, roles: roles.join(', ') } });

      const now = this.clock.now();
      const found = findingFactsOf(complaint);
      const facts: FindingFacts = {
        codes: found.codes.includes(code) ? found.codes : [...found.codes, code],
        validity: finding.kind === 'validity_criterion' ? code : found.validity,
      };
      const tenant = await this.tenants.get(auth.tenantId);
      const { validity: _v, severity: _s, ...base } = complaint.facts as Record<string, unknown>;
      const decisions = policy.decide(
        { ...base, finding: facts },
        { now, timeZone: tenant.timeZone, calendar: this.calendars.calendar(auth.tenantId, policy) },
      );
      const validityRow = policy.document.rules.validity.rows.find((row) => row.key === decisions.validity.rowKey);
      const reasonText =
        (validityRow?.then as { reasonText?: unknown } | undefined)?.reasonText ??
        (!decisions.validity.valid && decisions.validity.reason === code ? finding.name : null);
      const events: [string, Record<string, unknown>][] = [
        ['finding.recorded', { code, kind: finding.kind, name: finding.name, note: note ?? null, policyVersion: policy.version }],
      ];
      const why = `re-decided after finding ${code}`;
      if (decisions.validity.valid !== complaint.valid || (decisions.validity.reason ?? null) !== (complaint.invalidReason ?? null)) {
        events.push([
          'decision.validity',
          {
            ruleSet: 'validity',
            outcome: { valid: decisions.validity.valid, reason: decisions.validity.reason ?? null, reasonText },
            before: { valid: complaint.valid, reason: complaint.invalidReason ?? null },
            rowKey: decisions.validity.rowKey ?? null,
            policyVersion: policy.version,
            finding: code,
            explanation: `${why}: ${decisions.validity.trace ?? ''}`.trim(),
            trace: decisions.validity.explained ?? null,
          },
        ]);
        complaint.valid = decisions.validity.valid;
        complaint.invalidReason = decisions.validity.valid ? null : (decisions.validity.reason ?? code);
      }
      if (decisions.severity.level !== complaint.severity) {
        events.push([
          'decision.severity',
          {
            ruleSet: 'severity',
            outcome: decisions.severity.level,
            before: complaint.severity,
            rowKey: decisions.severity.rowKey ?? null,
            policyVersion: policy.version,
            finding: code,
            explanation: `${why}: ${decisions.severity.trace ?? ''}`.trim(),
          },
        ]);
        complaint.severity = decisions.severity.level;
      }
      complaint.facts = {
        ...complaint.facts,
        finding: facts,
        severity: complaint.severity,
        validity: { valid: complaint.valid, reason: complaint.invalidReason ?? null, ...(reasonText ? { reasonText } : {}) },
      };
      complaint.updatedAt = now;
      await manager.save(Complaint, complaint);
      await this.timeline.appendMany(manager, complaint, events, { id: auth.userId ?? auth.tokenId ?? null, role: auth.role }, now);
      return complaint;
    });
  }
}
