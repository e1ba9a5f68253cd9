import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { defaultEngine } from '@redress/rules';
import type { IncidentRule } from '@redress/sdk';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import type { AuthContext } from '../../common/auth/auth-context';
import { AuthService } from '../auth/auth.service';
import { ComplaintService } from '../complaint/complaint.service';
import type { Complaint } from '../complaint/complaint.entity';
import type { Actor } from '../complaint/complaint-timeline';
import { PolicyService } from '../policy/policy.service';
import { TenantService } from '../tenant/tenant.service';
import { Incident, IncidentMember, OPEN_INCIDENT_STATES, type IncidentState } from './incident.entity';
import { IncidentErrors } from './incident.exception';
import { groupKeyOf, planGrouping, type GroupCandidate } from './incident-grouping';

/** One call changes at most this many complaints (a reply or closure runs one transaction per member). */
export const MAX_COMPLAINTS_PER_CALL = 500;
/** Complaints one grouping sweep reads per tenant (the newest window of each rule). */
export const GROUPING_READ_LIMIT = 5000;

export interface MemberOutcome {
  complaintId: string;
  number: string | null;
  ok: boolean;
  /** The coded reason when the member could not be changed (e.g. CLOSED, FORBIDDEN). */
  reason?: string | null;
  message?: string | null;
}

const readPath = (facts: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), facts);

/**
 * 批量事件 (mass incidents). Grouping by policy rule runs in a sweep after intake (never inside it, so a rule can
 * never slow or fail an intake); staff group, split and merge by hand. Members keep their own legal clocks: the
 * incident answers and closes them through the complaint module, one complaint (and so one customer) at a time.
 */
@Injectable()
export class IncidentService {
  private readonly logger = new Logger('Incidents');

  constructor(
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
    @InjectRepository(IncidentMember) private readonly members: Repository<IncidentMember>,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly complaints: ComplaintService,
    private readonly policies: PolicyService,
    private readonly tenants: TenantService,
    private readonly auth: AuthService,
  ) {}

  // ---------------------------------------------------------------- reading

  async get(auth: AuthContext, id: string): Promise<Incident> {
    const incident = await this.incidents.findOne({ where: { id, tenantId: auth.tenantId } });
    if (!incident) throw IncidentErrors.create('NOT_FOUND', { field: 'id' });
    return incident;
  }

  list(auth: AuthContext, state: IncidentState[] | undefined, first: number): Promise<Incident[]> {
    return this.incidents.find({
      where: { tenantId: auth.tenantId, ...(state?.length ? { state: In(state) } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: first,
    });
  }

  activeMembers(tenantId: string, incidentId: string): Promise<IncidentMember[]> {
    return this.members.find({ where: { tenantId, incidentId, releasedAt: IsNull() }, order: { receivedAt: 'ASC', complaintId: 'ASC' } });
  }

  async memberComplaints(tenantId: string, incidentId: string): Promise<{ member: IncidentMember; complaint: Complaint | undefined }[]> {
    const members = await this.members.find({ where: { tenantId, incidentId }, order: { receivedAt: 'ASC', complaintId: 'ASC' } });
    const complaints = new Map(
      (
        await this.complaints.findByIds(
          tenantId,
          members.map((m) => m.complaintId),
        )
      ).map((c) => [c.id, c]),
    );
    return members.map((member) => ({ member, complaint: complaints.get(member.complaintId) }));
  }

  /** The incident a complaint currently belongs to (for the complaint page). */
  async ofComplaint(tenantId: string, complaintId: string): Promise<Incident | null> {
    const member = await this.members.findOne({ where: { tenantId, complaintId, releasedAt: IsNull() } });
    return member ? this.incidents.findOne({ where: { tenantId, id: member.incidentId } }) : null;
  }

  /** 统计: incidents and their members counted apart, for incidents formed in the period. */
  async stats(
    auth: AuthContext,
    from: Date,
    to: Date,
  ): Promise<{ incidents: number; open: number; closed: number; members: number; largest: number }> {
    const rows = await this.incidents
      .createQueryBuilder('i')
      .select('i.id', 'id')
      .addSelect('i.state', 'state')
      .where('i.tenant_id = :tenantId AND i.first_at >= :from AND i.first_at < :to AND i.state <> :merged', {
        tenantId: auth.tenantId,
        from,
        to,
        merged: 'merged',
      })
      .getRawMany<{ id: string; state: IncidentState }>();
    const counts = rows.length
      ? await this.members
          .createQueryBuilder('m')
          .select('m.incident_id', 'incidentId')
          .addSelect('COUNT(*)', 'n')
          .where('m.tenant_id = :tenantId AND m.released_at IS NULL AND m.incident_id IN (:...ids)', {
            tenantId: auth.tenantId,
            ids: rows.map((r) => r.id),
          })
          .groupBy('m.incident_id')
          .getRawMany<{ incidentId: string; n: string | number }>()
      : [];
    const sizes = counts.map((c) => Number(c.n));
    return {
      incidents: rows.length,
      open: rows.filter((r) => OPEN_INCIDENT_STATES.includes(r.state)).length,
      closed: rows.filter((r) => r.state === 'closed').length,
      members: sizes.reduce((a, b) => a + b, 0),
      largest: sizes.length ? Math.max(...sizes) : 0,
    };
  }

  // ---------------------------------------------------------------- grouping by policy rule

  /** One pass over every tenant's published incident rules. Returns the ids of incidents created or joined. */
  async sweepAll(): Promise<string[]> {
    const touched: string[] = [];
    for (const tenant of await this.tenants.listForSweep()) {
      try {
        touched.push(...(await this.groupTenant(tenant.id)));
      } catch (error) {
        // One tenant's policy or data must not stop the others.
        this.logger.warn(`Incident grouping for tenant ${tenant.id} skipped: ${(error as Error).message}`);
      }
    }
    return touched;
  }

  async groupTenant(tenantId: string): Promise<string[]> {
    const policy = await this.policies.getCurrent(tenantId);
    const rules = policy?.document.incidentRules ?? [];
    if (!rules.length) return [];
    const now = this.clock.now();
    const maxWindow = Math.max(...rules.map((r) => r.windowMinutes));
    const recent = await this.complaints.recentOpen(tenantId, new Date(now.getTime() - maxWindow * 60_000), GROUPING_READ_LIMIT);
    if (!recent.length) return [];
    const grouped = new Set(
      (await this.members.find({ select: { complaintId: true }, where: { tenantId, complaintId: In(recent.map((c) => c.id)) } })).map(
        (m) => m.complaintId,
      ),
    );
    const touched: string[] = [];
    for (const rule of rules) {
      const since = now.getTime() - rule.windowMinutes * 60_000;
      const candidates: GroupCandidate[] = [];
      for (const complaint of recent) {
        if (grouped.has(complaint.id) || complaint.receivedAt.getTime() < since || !this.matches(rule, complaint)) continue;
        candidates.push({
          id: complaint.id,
          receivedAt: complaint.receivedAt,
          key: groupKeyOf(rule.groupBy.map((path) => readPath(complaint.facts, path))),
        });
      }
      if (!candidates.length) continue;
      const open = await this.incidents.find({ where: { tenantId, ruleKey: rule.key, state: In(OPEN_INCIDENT_STATES) } });
      const plan = planGrouping(
        candidates,
        open.filter((i) => i.groupKey).map((i) => ({ id: i.id, key: i.groupKey!, lastAt: i.lastAt })),
        rule.windowMinutes,
        rule.threshold,
      );
      const byId = new Map(recent.map((c) => [c.id, c]));
      for (const join of plan.joins) {
        const incident = open.find((i) => i.id === join.incidentId)!;
        const added = await this.addMembers(
          tenantId,
          incident,
          join.complaintIds.map((id) => byId.get(id)!),
          'rule',
          { role: 'system' },
        );
        added.forEach((id) => grouped.add(id));
        if (added.length) touched.push(incident.id);
      }
      for (const creation of plan.creations) {
        const members = creation.complaintIds.map((id) => byId.get(id)!);
        const title = `${rule.name.zh}：${creation.key}`;
        const incident = await this.createIncident(
          tenantId,
          { title, ruleKey: rule.key, groupKey: creation.key, department: rule.department ?? members[0].department ?? null },
          members,
          'rule',
          { role: 'system' },
        );
        if (incident) {
          creation.complaintIds.forEach((id) => grouped.add(id));
          touched.push(incident.id);
        }
      }
    }
    return touched;
  }

  private matches(rule: IncidentRule, complaint: Complaint): boolean {
    if (rule.when === undefined || rule.when === null || rule.when === true) return true;
    try {
      return defaultEngine.evaluate(rule.when, complaint.facts ?? {}).value === true;
    } catch (error) {
      // Publish validated the rule; a fault here must not stop grouping of the other complaints.
      this.logger.warn(`Incident rule ${rule.key} failed on complaint ${complaint.id}: ${(error as Error).message}`);
      return false;
    }
  }

  // ---------------------------------------------------------------- membership

  /**
   * Creates an incident with its first members. The unique member index settles races with another instance's sweep
   * or a person grouping by hand: a complaint that is already a member elsewhere is refused, nothing half-written.
   */
  private async createIncident(
    tenantId: string,
    head: { title: string; ruleKey: string | null; groupKey: string | null; department: string | null; ownerId?: string | null },
    complaints: Complaint[],
    joinedBy: 'rule' | 'manual',
    actor: Actor,
  ): Promise<Incident | null> {
    const now = this.clock.now();
    const times = complaints.map((c) => c.receivedAt.getTime());
    const incident = this.incidents.create({
      id: newId(),
      tenantId,
      title: head.title.slice(0, 300),
      ruleKey: head.ruleKey,
      groupKey: head.groupKey,
      state: 'open',
      department: head.department,
      ownerId: head.ownerId ?? null,
      firstAt: new Date(Math.min(...times)),
      lastAt: new Date(Math.max(...times)),
      dueAt: earliestDue(complaints),
      updatedAt: now,
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.save(Incident, incident);
        await manager.insert(
          IncidentMember,
          complaints.map((c) => memberRow(tenantId, incident.id, c, joinedBy, now)),
        );
      });
    } catch (error) {
      if (isUniqueViolation(error) && joinedBy === 'rule') return null;
      if (isUniqueViolation(error))
        throw IncidentErrors.create('ALREADY_IN_INCIDENT', {
          field: 'complaintIds',
          params: { number: complaints.map((c) => c.number).join(', ') },
        });
      throw error;
    }
    await this.recordOnTimelines(
      tenantId,
      complaints.map((c) => c.id),
      'incident.joined',
      { incidentId: incident.id, title: incident.title, rule: head.ruleKey, by: joinedBy },
      actor,
    );
    return incident;
  }

  /** Adds complaints to an incident; a complaint released earlier may be added again by hand. Returns the ids added. */
  private async addMembers(
    tenantId: string,
    incident: Incident,
    complaints: Complaint[],
    joinedBy: 'rule' | 'manual',
    actor: Actor,
  ): Promise<string[]> {
    const now = this.clock.now();
    const added: string[] = [];
    for (const complaint of complaints) {
      try {
        await this.dataSource.transaction(async (manager) => {
          const existing = await manager.findOne(IncidentMember, { where: { tenantId, complaintId: complaint.id } });
          if (existing && !existing.releasedAt)
            throw IncidentErrors.create('ALREADY_IN_INCIDENT', { field: 'complaintIds', params: { number: complaint.number } });
          if (existing && joinedBy === 'rule') return; // released by a person: the rule never pulls it back
          if (existing)
            await manager.update(
              IncidentMember,
              { id: existing.id },
              { incidentId: incident.id, releasedAt: null, joinedBy, joinedAt: now },
            );
          else await manager.insert(IncidentMember, memberRow(tenantId, incident.id, complaint, joinedBy, now));
          added.push(complaint.id);
        });
      } catch (error) {
        if (joinedBy === 'rule' && (isUniqueViolation(error) || (error as { reason?: string }).reason === 'ALREADY_IN_INCIDENT')) continue;
        throw error;
      }
    }
    if (added.length) {
      await this.refresh(tenantId, incident.id);
      await this.recordOnTimelines(
        tenantId,
        added,
        'incident.joined',
        { incidentId: incident.id, title: incident.title, rule: incident.ruleKey ?? null, by: joinedBy },
        actor,
      );
    }
    return added;
  }

  /** Recomputes first/last arrival and the incident deadline (the earliest resolution deadline among its members). */
  private async refresh(tenantId: string, incidentId: string): Promise<void> {
    const active = await this.activeMembers(tenantId, incidentId);
    const complaints = await this.complaints.findByIds(
      tenantId,
      active.map((m) => m.complaintId),
    );
    const times = active.map((m) => m.receivedAt.getTime());
    await this.incidents.update(
      { id: incidentId, tenantId },
      {
        ...(times.length ? { firstAt: new Date(Math.min(...times)), lastAt: new Date(Math.max(...times)) } : {}),
        dueAt: earliestDue(complaints.filter((c) => !['closed', 'invalid_closed'].includes(c.state))),
        updatedAt: this.clock.now(),
      },
    );
  }

  private async recordOnTimelines(
    tenantId: string,
    complaintIds: string[],
    type: string,
    data: Record<string, unknown>,
    actor: Actor,
  ): Promise<void> {
    for (const id of complaintIds) await this.complaints.recordEvent(tenantId, id, type, data, actor);
  }

  private actor(auth: AuthContext): Actor {
    return { id: auth.userId ?? auth.tokenId ?? null, role: auth.role };
  }

  private async complaintsFor(auth: AuthContext, ids: string[]): Promise<Complaint[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) throw IncidentErrors.create('NO_COMPLAINTS', { field: 'complaintIds' });
    if (unique.length > MAX_COMPLAINTS_PER_CALL)
      throw IncidentErrors.create('TOO_MANY_COMPLAINTS', { field: 'complaintIds', params: { max: MAX_COMPLAINTS_PER_CALL } });
    const found = await this.complaints.findByIds(auth.tenantId, unique);
    const missing = unique.find((id) => !found.some((c) => c.id === id));
    if (missing) throw IncidentErrors.create('COMPLAINT_NOT_FOUND', { field: 'complaintIds', params: { id: missing } });
    return found;
  }

  private async openIncident(auth: AuthContext, id: string): Promise<Incident> {
    const incident = await this.get(auth, id);
    if (!OPEN_INCIDENT_STATES.includes(incident.state)) throw IncidentErrors.create('CLOSED', { params: { state: incident.state } });
    return incident;
  }

  // ---------------------------------------------------------------- staff actions

  async create(auth: AuthContext, title: string, complaintIds: string[], ownerId?: string | null): Promise<Incident> {
    if (!title.trim()) throw IncidentErrors.create('TITLE_REQUIRED', { field: 'title' });
    if (ownerId) await this.checkOwner(auth, ownerId);
    const complaints = await this.complaintsFor(auth, complaintIds);
    const incident = await this.createIncident(
      auth.tenantId,
      { title: title.trim(), ruleKey: null, groupKey: null, department: complaints[0].department ?? null, ownerId },
      complaints,
      'manual',
      this.actor(auth),
    );
    return incident!;
  }

  async add(auth: AuthContext, id: string, complaintIds: string[]): Promise<Incident> {
    const incident = await this.openIncident(auth, id);
    await this.addMembers(auth.tenantId, incident, await this.complaintsFor(auth, complaintIds), 'manual', this.actor(auth));
    return this.get(auth, id);
  }

  /** Takes complaints out: they go on as ordinary complaints and the rule will not group them again. */
  async release(auth: AuthContext, id: string, complaintIds: string[]): Promise<Incident> {
    const incident = await this.openIncident(auth, id);
    const members = await this.checkMembers(auth, incident, complaintIds);
    await this.members.update({ tenantId: auth.tenantId, id: In(members.map((m) => m.id)) }, { releasedAt: this.clock.now() });
    await this.refresh(auth.tenantId, id);
    await this.recordOnTimelines(
      auth.tenantId,
      members.map((m) => m.complaintId),
      'incident.released',
      { incidentId: id, title: incident.title },
      this.actor(auth),
    );
    return this.get(auth, id);
  }

  /** Moves some members into a new incident (two causes had been taken for one). */
  async split(auth: AuthContext, id: string, complaintIds: string[], title: string): Promise<Incident> {
    if (!title.trim()) throw IncidentErrors.create('TITLE_REQUIRED', { field: 'title' });
    const source = await this.openIncident(auth, id);
    const moving = await this.checkMembers(auth, source, complaintIds);
    const active = await this.activeMembers(auth.tenantId, id);
    if (moving.length >= active.length) throw IncidentErrors.create('SPLIT_ALL', { field: 'complaintIds' });
    const now = this.clock.now();
    const times = moving.map((m) => m.receivedAt.getTime());
    const target = this.incidents.create({
      id: newId(),
      tenantId: auth.tenantId,
      title: title.trim().slice(0, 300),
      ruleKey: null,
      groupKey: null,
      state: 'open',
      department: source.department ?? null,
      ownerId: source.ownerId ?? null,
      firstAt: new Date(Math.min(...times)),
      lastAt: new Date(Math.max(...times)),
      updatedAt: now,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.save(Incident, target);
      await manager.update(IncidentMember, { tenantId: auth.tenantId, id: In(moving.map((m) => m.id)) }, { incidentId: target.id });
    });
    await this.refresh(auth.tenantId, id);
    await this.refresh(auth.tenantId, target.id);
    await this.recordOnTimelines(
      auth.tenantId,
      moving.map((m) => m.complaintId),
      'incident.moved',
      { from: id, incidentId: target.id, title: target.title },
      this.actor(auth),
    );
    return this.get(auth, target.id);
  }

  /** Merges `sourceId` into `targetId`: every member moves, the source is kept as `merged` with a pointer. */
  async merge(auth: AuthContext, targetId: string, sourceId: string): Promise<Incident> {
    if (targetId === sourceId) throw IncidentErrors.create('SAME_INCIDENT', { field: 'sourceId' });
    const target = await this.openIncident(auth, targetId);
    const source = await this.openIncident(auth, sourceId);
    const moving = await this.activeMembers(auth.tenantId, sourceId);
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(IncidentMember, { tenantId: auth.tenantId, incidentId: sourceId }, { incidentId: targetId });
      await manager.update(
        Incident,
        { id: sourceId, tenantId: auth.tenantId },
        { state: 'merged', mergedInto: targetId, closedAt: now, updatedAt: now },
      );
    });
    await this.refresh(auth.tenantId, targetId);
    await this.recordOnTimelines(
      auth.tenantId,
      moving.map((m) => m.complaintId),
      'incident.moved',
      { from: source.id, incidentId: target.id, title: target.title },
      this.actor(auth),
    );
    return this.get(auth, targetId);
  }

  async assign(auth: AuthContext, id: string, ownerId: string): Promise<Incident> {
    await this.openIncident(auth, id);
    await this.checkOwner(auth, ownerId);
    await this.incidents.update({ id, tenantId: auth.tenantId }, { ownerId, updatedAt: this.clock.now() });
    return this.get(auth, id);
  }

  /**
   * Answers every open member in one action: each complaint gets its own reply (rendered for its own customer, with
   * its own approval rule), so every customer receives one letter and every member's legal clock stops on time.
   */
  async reply(
    auth: AuthContext,
    id: string,
    input: { templateKey?: string | null; body?: string | null; solution?: string | null; rootCause?: string | null },
  ): Promise<MemberOutcome[]> {
    const incident = await this.openIncident(auth, id);
    if (!input.templateKey && !input.body?.trim()) throw IncidentErrors.create('REPLY_EMPTY', { field: 'body' });
    const outcomes: MemberOutcome[] = [];
    for (const { member, complaint } of await this.memberComplaints(auth.tenantId, id)) {
      if (member.releasedAt || !complaint) continue;
      try {
        await this.complaints.reply(auth, {
          complaintId: complaint.id,
          templateKey: input.templateKey ?? undefined,
          body: input.body ?? undefined,
          solution: input.solution ?? undefined,
          rootCause: input.rootCause ?? undefined,
        });
        outcomes.push({ complaintId: complaint.id, number: complaint.number, ok: true });
      } catch (error) {
        outcomes.push(failure(complaint, error));
      }
    }
    if (outcomes.some((o) => o.ok))
      await this.incidents.update(
        { id, tenantId: auth.tenantId },
        { state: 'resolved', resolution: input.solution ?? incident.resolution ?? null, updatedAt: this.clock.now() },
      );
    await this.refresh(auth.tenantId, id);
    return outcomes;
  }

  /**
   * Closes the incident: its members are closed with the reason (a manager's closure, as for one complaint) or released
   * to go on alone. A member that cannot be closed stays a member and is reported; the incident then stays open.
   */
  async close(
    auth: AuthContext,
    id: string,
    mode: 'close_members' | 'release_members',
    reason: string,
  ): Promise<{ incident: Incident; outcomes: MemberOutcome[] }> {
    const incident = await this.openIncident(auth, id);
    if (!reason.trim()) throw IncidentErrors.create('REPLY_EMPTY', { field: 'reason' });
    const outcomes: MemberOutcome[] = [];
    const now = this.clock.now();
    for (const { member, complaint } of await this.memberComplaints(auth.tenantId, id)) {
      if (member.releasedAt || !complaint) continue;
      if (mode === 'release_members') {
        await this.members.update({ id: member.id }, { releasedAt: now });
        await this.complaints.recordEvent(
          auth.tenantId,
          complaint.id,
          'incident.released',
          { incidentId: id, title: incident.title, reason },
          this.actor(auth),
        );
        outcomes.push({ complaintId: complaint.id, number: complaint.number, ok: true });
        continue;
      }
      if (['closed', 'invalid_closed'].includes(complaint.state)) {
        outcomes.push({ complaintId: complaint.id, number: complaint.number, ok: true });
        continue;
      }
      try {
        await this.complaints.close(auth, complaint.id, reason);
        outcomes.push({ complaintId: complaint.id, number: complaint.number, ok: true });
      } catch (error) {
        outcomes.push(failure(complaint, error));
      }
    }
    if (outcomes.every((o) => o.ok)) {
      await this.incidents.update({ id, tenantId: auth.tenantId }, { state: 'closed', closedAt: now, resolution: reason, updatedAt: now });
    }
    await this.refresh(auth.tenantId, id);
    return { incident: await this.get(auth, id), outcomes };
  }

  private async checkMembers(auth: AuthContext, incident: Incident, complaintIds: string[]): Promise<IncidentMember[]> {
    const unique = [...new Set(complaintIds)];
    if (!unique.length) throw IncidentErrors.create('NO_COMPLAINTS', { field: 'complaintIds' });
    const members = await this.members.find({
      where: { tenantId: auth.tenantId, incidentId: incident.id, complaintId: In(unique), releasedAt: IsNull() },
    });
    const missing = unique.find((cid) => !members.some((m) => m.complaintId === cid));
    if (missing) throw IncidentErrors.create('NOT_A_MEMBER', { field: 'complaintIds', params: { id: missing } });
    return members;
  }

  private async checkOwner(auth: AuthContext, ownerId: string): Promise<void> {
    // An incident is owned by someone who may be assigned complaints (an active admin, manager or handler).
    const users = await this.auth.listAssignable(auth.tenantId);
    if (!users.some((u) => u.id === ownerId)) throw IncidentErrors.create('UNKNOWN_USER', { field: 'ownerId' });
  }
}

function memberRow(tenantId: string, incidentId: string, complaint: Complaint, joinedBy: 'rule' | 'manual', now: Date): IncidentMember {
  return {
    id: newId(),
    tenantId,
    incidentId,
    complaintId: complaint.id,
    joinedBy,
    receivedAt: complaint.receivedAt,
    joinedAt: now,
    releasedAt: null,
  };
}

function earliestDue(complaints: Complaint[]): Date | null {
  const due = complaints.map((c) => c.resolutionDueAt?.getTime()).filter((t): t is number => typeof t === 'number');
  return due.length ? new Date(Math.min(...due)) : null;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(String((error as Error)?.message))
  );
}

function failure(complaint: Complaint, error: unknown): MemberOutcome {
  const e = error as { reason?: string; extensions?: { reason?: string; code?: string }; message?: string; getResponse?: () => unknown };
  return {
    complaintId: complaint.id,
    number: complaint.number,
    ok: false,
    reason: e.reason ?? e.extensions?.reason ?? e.extensions?.code ?? 'FAILED',
    message: e.message ?? null,
  };
}
