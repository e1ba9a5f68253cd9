import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { SlaTarget } from '@redress/sdk';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { fastInsert } from '../../database/fast-insert';
import type { AuthContext } from '../../common/auth/auth-context';
import { DomainEventBus } from '../../common/events/domain-event-bus';
import { ComplaintChanged, ComplaintReceived } from '../complaint/complaint.events';
import { chainFor, describeApprovers, sign } from '../policy/engine/approval-chain';
import { UserAdminService } from '../auth/user-admin.service';
import { Complaint } from '../complaint/complaint.entity';
import type { CompiledPolicy } from '../policy/engine/compiled-policy';
import { PolicyService } from '../policy/policy.service';
import { OutboxService } from '../outbox/outbox.service';
import { extensionNotices } from '../policy/engine/notices';
import { recipientOf } from './escalation/escalation.service';
import type { BusinessCalendar } from './calendar';
import {
  cancelClock,
  ExtensionLimitError,
  extendClock,
  pauseClock,
  remainingWorkingMinutes,
  resumeClock,
  SlaClockError,
  slaStatus,
  startClock,
  stopClock,
  type ClockState,
  type SlaStatus,
} from './clock';
import { SlaClock, SlaExtensionRequest } from './sla-clock.entity';
import { applyClockState, nextFireAt, toClockState } from './sla-clock-state';
import { planClockAction, type ComplaintChange } from './sla-conditions';
import { conditionEvaluator } from './sla-rules';
import { complaintFacts } from './complaint-facts';
import { aggregateSlaStatus } from './sla-status';
import { SlaCalendars, type CalendarFault } from './sla-calendars.service';
import { recomputeClock } from './sla-reapply';
import { holidayDataMissingYears } from './holiday-coverage';
import { SlaErrors } from './sla.exception';
import { COMPLAINT_ESCALATION_PORT, type ComplaintEscalationPort } from './escalation/escalation-port';

/** The clock that `complaint.resolutionDueAt` mirrors, in order of preference. */
const RESOLUTION_TARGETS = ['resolution', 'regulatory_answer'];
const OPEN: SlaClock['state'][] = ['running', 'paused'];

export interface SlaClockView {
  clock: SlaClock;
  calendarFault: CalendarFault | null;
  holidayDataMissingYears: number[];
  status: SlaStatus;
  remainingWorkingMinutes: number;
  pendingExtension: SlaExtensionRequest | null;
}

export interface ExtensionResult {
  status: 'extended' | 'requested';
  clock: SlaClock;
  request: SlaExtensionRequest | null;
}

export interface KpiRow {
  group: string;
  target: string;
  stopped: number;
  met: number;
  breached: number;
  onTimeRate: number | null;
  averageWorkingMinutes: number | null;
}

export type KpiGroupBy = 'department' | 'type' | 'target';

export interface ReapplyChange {
  complaintId: string;
  clockId: string;
  target: string;
  fromVersion: number;
  toVersion: number;
  oldDueAt: Date;
  newDueAt: Date | null;
  /** Why the clock cannot be moved (its target is gone from the current version). */
  note: string | null;
}

/**
 * SLA clocks of complaints: started and moved by the complaint module inside its transactions, always computed
 * from the complaint's pinned policy version, so a policy change never silently moves an in-flight deadline.
 */
@Injectable()
export class SlaService implements OnModuleInit {
  constructor(
    @InjectRepository(SlaClock) private readonly clocks: Repository<SlaClock>,
    @InjectRepository(SlaExtensionRequest) private readonly requests: Repository<SlaExtensionRequest>,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calendars: SlaCalendars,
    private readonly outbox: OutboxService,
    private readonly moduleRef: ModuleRef,
    private readonly bus: DomainEventBus,
  ) {}

  /** The clocks react to the complaint module's events, in the transaction of the change (issue 18: no direct calls). */
  onModuleInit(): void {
    this.bus.subscribe(ComplaintReceived, (event, manager) =>
      this.startClocks(manager, event.complaint, event.policy, event.at, { rowPending: event.rowPending }).then(() => undefined),
    );
    this.bus.subscribe(ComplaintChanged, (event, manager) =>
      this.onComplaintChanged(manager, event.complaint, event.policy, event.at, event.change),
    );
  }

  // ── the contract of the complaint module ──────────────────────────────────────────────────────────

  /**
   * Inside the intake transaction: start the clocks of the complaint's SLA policy (pinned version). With
   * `rowPending` the complaint's row is not written yet: its SLA status and deadline are set on the entity only.
   */
  startClocks(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    at: Date,
    options: { rowPending?: boolean } = {},
  ): Promise<SlaClock[]> {
    // A complaint created in this very transaction has no clocks yet: nothing to look up and lock.
    return this.reconcile(manager, complaint, policy, at, undefined, { noClocksYet: true, rowPending: options.rowPending });
  }

  /**
   * After every change of a complaint, inside its transaction: starts, pauses, resumes, stops or cancels each
   * target's clock by its conditions, then keeps `complaint.resolutionDueAt` and `complaint.slaStatus` current.
   */
  async onComplaintChanged(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    at: Date,
    event?: ComplaintChange,
  ): Promise<void> {
    await this.reconcile(manager, complaint, policy, at, event);
  }

  clocksFor(tenantId: string, complaintId: string): Promise<SlaClock[]> {
    return this.clocks.find({ where: { tenantId, complaintId }, order: { createdAt: 'ASC', target: 'ASC' } });
  }

  // ── clocks ────────────────────────────────────────────────────────────────────────────────────────

  private async reconcile(
    manager: EntityManager,
    complaint: Complaint,
    policy: CompiledPolicy,
    at: Date,
    change?: ComplaintChange,
    options: { noClocksYet?: boolean; rowPending?: boolean } = {},
  ): Promise<SlaClock[]> {
    const rows = options.noClocksYet ? [] : await this.lockedClocks(manager, complaint);
    const definition = complaint.slaPolicy ? policy.slaPolicy(complaint.slaPolicy) : undefined;
    if (definition) {
      const facts = complaintFacts(complaint);
      const evaluate = conditionEvaluator(at);
      const changed: SlaClock[] = [];
      let round = roundOf(rows);
      // A new round (unsatisfied follow-up: a follow-up clock is met, the follow-up happened) or a transition's
      // stop_clocks action: every open clock ends now, met or breached as it stands.
      if (change?.newRound || change?.stopClocks) {
        for (const row of rows.filter((r) => OPEN.includes(r.state))) {
          const state = toClockState(row);
          applyClockState(row, stopClock(state, notBefore(at, state)));
          row.updatedAt = at;
          changed.push(row);
        }
      }
      if (change?.newRound) round += 1;
      // Only the current round's clocks decide; a target with no clock in it starts afresh.
      const byTarget = new Map(rows.filter((row) => row.round === round).map((row) => [row.target, row]));
      const started: SlaClock[] = [];
      for (const target of definition.targets) {
        const row = byTarget.get(target.key);
        const action = planClockAction(target, row?.state ?? 'absent', facts, evaluate, change);
        if (!action) continue;
        const calendar = this.calendars.calendar(complaint.tenantId, policy, target.calendar);
        if (!row) {
          let state = startClock(at, target.duration, calendar, {
            warnPercent: target.warnAtPercent ?? 80,
            onNonWorkingDay: target.onNonWorkingDay,
          });
          if (action === 'start_paused') state = pauseClock(state, at);
          const created = this.newRow(complaint, policy, definition.key, target, state, at, round);
          rows.push(created);
          changed.push(created);
          started.push(created);
          continue;
        }
        const state = toClockState(row);
        const when = notBefore(at, state);
        switch (action) {
          case 'pause':
            applyClockState(row, pauseClock(state, when));
            break;
          case 'resume':
            applyClockState(row, resumeClock(state, when, this.calendarOfRow(row, policy)));
            break;
          case 'stop':
            applyClockState(row, stopClock(state, when));
            break;
          case 'cancel':
            applyClockState(row, cancelClock(state, when));
            break;
          case 'restart':
            this.rearm(row, when, this.calendarOfRow(row, policy), target);
            break;
          default:
            break;
        }
        row.updatedAt = at;
        changed.push(row);
      }
      // New clocks are inserted (save() would first look each one up by id, then read its defaults back).
      const updated = changed.filter((row) => !started.includes(row));
      await fastInsert(manager, SlaClock, started);
      if (updated.length) await manager.save(SlaClock, updated);
      for (const row of started) await this.flagHolidayData(manager, complaint, policy, row);
      if (change?.newRound) {
        await this.port().appendEvent(manager, complaint, 'sla.round_started', {
          round,
          reason: change.newRound,
          slaPolicy: definition.key,
          policyVersion: policy.version,
          clocks: started.map((row) => ({ target: row.target, dueAt: row.dueAt.toISOString(), duration: row.duration, state: row.state })),
        });
      }
    }
    await this.refreshComplaint(manager, complaint, rows, at, { rowPending: options.rowPending });
    return rows;
  }

  /** A deadline that crosses a year without holiday data goes on the timeline (and is shown on the clock). */
  private async flagHolidayData(manager: EntityManager, complaint: Complaint, policy: CompiledPolicy, row: SlaClock): Promise<void> {
    const years = holidayDataMissingYears(row, this.calendarOfRow(row, policy));
    if (!years.length) return;
    await this.port().appendEvent(manager, complaint, 'sla.holiday_data_missing', {
      target: row.target,
      calendar: row.calendar,
      years,
      dueAt: row.dueAt.toISOString(),
      policyVersion: policy.version,
      explanation:
        `The ${row.target} deadline crosses ${years.join(', ')}, for which calendar "${row.calendar}" has no official holiday schedule: ` +
        'holidays there count as working days. Enter the schedule (importHolidayNotice), publish, then reapplyPolicy.',
    });
  }

  private newRow(
    complaint: Complaint,
    policy: CompiledPolicy,
    slaPolicy: string,
    target: SlaTarget,
    state: ClockState,
    at: Date,
    round: number,
  ): SlaClock {
    const row = Object.assign(new SlaClock(), {
      id: newId(),
      tenantId: complaint.tenantId,
      complaintId: complaint.id,
      policyVersion: policy.version,
      slaPolicy,
      target: target.key,
      round,
      calendar: target.calendar || this.calendars.defaultKey(policy),
      warnedAt: null,
      breachedAt: null,
      recurringCount: 0,
      breachCount: 0,
      createdAt: at,
      updatedAt: at,
    });
    return applyClockState(row, state);
  }

  /** A recurring target starts a new cycle (a progress report arrived, or the missed one was recorded). */
  rearm(row: SlaClock, at: Date, calendar: BusinessCalendar, target?: SlaTarget): void {
    const state = startClock(at, row.duration, calendar, {
      warnPercent: target?.warnAtPercent ?? row.warnPercent,
      onNonWorkingDay: row.onNonWorkingDay,
    });
    row.warnedAt = null;
    row.breachedAt = null;
    row.recurringCount += 1;
    applyClockState(row, { ...state, extensions: row.extensions });
  }

  /**
   * The complaint's clocks, locked on PostgreSQL so that a scheduler firing one of them at the same moment
   * cannot have its `warned_at` / `breached_at` overwritten by this (older) read.
   */
  private async lockedClocks(manager: EntityManager, complaint: Complaint): Promise<SlaClock[]> {
    const qb = manager
      .getRepository(SlaClock)
      .createQueryBuilder('k')
      .where('k.tenant_id = :tenantId AND k.complaint_id = :complaintId', { tenantId: complaint.tenantId, complaintId: complaint.id })
      .orderBy('k.created_at', 'ASC');
    if (this.isPostgres(manager)) qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  /**
   * Writes `slaStatus` and `resolutionDueAt` onto the complaint (entity and row) when they changed; with `rowPending`
   * onto the entity only (its row is inserted afterwards, with them).
   */
  async refreshComplaint(
    manager: EntityManager,
    complaint: Complaint,
    rows: SlaClock[],
    at: Date,
    options: { rowPending?: boolean } = {},
  ): Promise<void> {
    const status = aggregateSlaStatus(
      rows.map((row) => toClockState(row)),
      at,
    );
    // The deadline of the round under way (earlier rounds' clocks are history).
    const round = roundOf(rows);
    const resolution = RESOLUTION_TARGETS.map((key) => rows.find((row) => row.target === key && row.round === round)).find(Boolean);
    const dueAt = resolution ? resolution.dueAt : (complaint.resolutionDueAt ?? null);
    const same = complaint.slaStatus === status && (complaint.resolutionDueAt?.getTime() ?? null) === (dueAt?.getTime() ?? null);
    complaint.slaStatus = status;
    complaint.resolutionDueAt = dueAt;
    if (same || options.rowPending) return;
    // Derived data: `version = version` keeps TypeORM from bumping the optimistic-lock version.
    await manager
      .createQueryBuilder()
      .update(Complaint)
      .set({ slaStatus: status, resolutionDueAt: dueAt, version: () => 'version' })
      .where('id = :id AND tenant_id = :tenantId', { id: complaint.id, tenantId: complaint.tenantId })
      .execute();
  }

  // ── reading ───────────────────────────────────────────────────────────────────────────────────────

  async clockViews(tenantId: string, complaintId: string): Promise<SlaClockView[]> {
    await this.complaintOf(this.dataSource.manager, tenantId, complaintId);
    const rows = await this.clocksFor(tenantId, complaintId);
    const pending = await this.requests.find({ where: { tenantId, complaintId, status: 'requested' } });
    const at = this.clock.now();
    const views: SlaClockView[] = [];
    for (const row of rows) {
      const policy = await this.policies().getVersion(tenantId, row.policyVersion);
      const state = toClockState(row);
      views.push({
        clock: row,
        status: slaStatus(state, at),
        remainingWorkingMinutes: Math.round(remainingWorkingMinutes(state, at, this.calendarOfRow(row, policy))),
        pendingExtension: pending.find((request) => request.clockId === row.id) ?? null,
        calendarFault: this.calendars.fault(tenantId, policy, row.calendar),
        holidayDataMissingYears: holidayDataMissingYears(row, this.calendarOfRow(row, policy)),
      });
    }
    return views;
  }

  // ── extensions ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Moves the target to its next extension stage (15 → 30 → 60 days). A caller of the approving role (the
   * target's `extensionApprovalRole`, default manager) extends at once; anyone else files a request.
   */
  async extendDeadline(auth: AuthContext, complaintId: string, targetKey: string, reason: string): Promise<ExtensionResult> {
    if (!reason?.trim()) throw SlaErrors.create('REASON_REQUIRED', { field: 'reason' });
    return this.dataSource.transaction(async (manager) => {
      const complaint = await this.complaintOf(manager, auth.tenantId, complaintId);
      const row = await this.lockedClock(manager, auth.tenantId, complaintId, targetKey);
      const policy = await this.policies().getVersion(auth.tenantId, row.policyVersion);
      const { target, stages } = this.ladderOf(row, policy);
      const stage = row.extensions.length + 1;
      if (stage >= stages.length)
        throw SlaErrors.create('NO_FURTHER_EXTENSION', { field: 'target', params: { target: target.key, stage: stage - 1 } });
      if (this.clock.now().getTime() > row.dueAt.getTime())
        throw SlaErrors.create('EXTENSION_AFTER_DUE', { field: 'target', params: { target: target.key } });
      const pending = await manager.findOne(SlaExtensionRequest, {
        where: { tenantId: auth.tenantId, clockId: row.id, status: 'requested' },
      });
      if (pending) throw SlaErrors.create('EXTENSION_PENDING', { field: 'target' });
      const approvalRole = target.extensionApprovalRole ?? 'manager';
      // An `extension` approval chain of the pinned policy (issue 18) makes every extension a request signed step by step.
      const chain = chainFor(policy.document, 'extension', complaintFacts(complaint));
      if (!chain && auth.role === approvalRole) {
        await this.applyExtension(manager, complaint, row, policy, stages, reason.trim(), {
          approvedBy: auth.userId ?? null,
          requestedBy: auth.userId ?? null,
        });
        return { status: 'extended', clock: row, request: null };
      }
      const request = manager.create(SlaExtensionRequest, {
        id: newId(),
        tenantId: auth.tenantId,
        complaintId,
        clockId: row.id,
        target: row.target,
        stage,
        reason: reason.trim(),
        approvalRole,
        status: 'requested',
        requestedBy: auth.userId ?? null,
        requestedAt: this.clock.now(),
        approval: chain ? { chain: chain.key, step: 0, signatures: [] } : null,
      });
      await manager.insert(SlaExtensionRequest, request);
      await this.port().appendEvent(
        manager,
        complaint,
        'sla.extension_requested',
        {
          requestId: request.id,
          target: row.target,
          stage,
          reason: request.reason,
          approvalRole,
          policyVersion: row.policyVersion,
          chain: chain?.key ?? null,
        },
        { id: auth.userId ?? null, role: auth.role },
      );
      return { status: 'requested', clock: row, request };
    });
  }

  /** A user of the approving role grants a requested extension. */
  async approveDeadlineExtension(auth: AuthContext, requestId: string): Promise<ExtensionResult> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.decidableRequest(manager, auth, requestId);
      const complaint = await this.complaintOf(manager, auth.tenantId, request.complaintId);
      const row = await this.lockedClock(manager, auth.tenantId, request.complaintId, request.target);
      const policy = await this.policies().getVersion(auth.tenantId, row.policyVersion);
      if (request.approval) {
        const signed = await this.signExtension(manager, auth, request, complaint, policy);
        if (!signed) return { status: 'requested', clock: row, request };
      }
      const { stages } = this.ladderOf(row, policy);
      await this.applyExtension(manager, complaint, row, policy, stages, request.reason, {
        approvedBy: auth.userId ?? null,
        requestedBy: request.requestedBy ?? null,
      });
      Object.assign(request, { status: 'approved', decidedBy: auth.userId ?? null, decidedAt: this.clock.now() });
      await manager.update(
        SlaExtensionRequest,
        { id: request.id },
        { status: 'approved', decidedBy: request.decidedBy, decidedAt: request.decidedAt },
      );
      return { status: 'extended', clock: row, request };
    });
  }

  /** One signature on a request in an approval chain; true when the chain is complete (the extension applies). */
  private async signExtension(
    manager: EntityManager,
    auth: AuthContext,
    request: SlaExtensionRequest,
    complaint: Complaint,
    policy: CompiledPolicy,
  ): Promise<boolean> {
    const progress = request.approval!;
    const chain = (policy.document.approvalChains ?? []).find((c) => c.key === progress.chain);
    if (!chain) throw SlaErrors.create('NOT_APPROVER', { params: { role: progress.chain } });
    if (request.requestedBy && request.requestedBy === auth.userId) throw SlaErrors.create('SELF_APPROVAL');
    const user = auth.userId
      ? await this.moduleRef
          .get(UserAdminService, { strict: false })
          .get(auth.tenantId, auth.userId, manager)
          .catch(() => null)
      : null;
    const outcome = sign(
      chain,
      progress,
      { userId: auth.userId ?? auth.tokenId ?? '', role: auth.role, email: user?.email ?? null, departmentId: user?.departmentId ?? null },
      this.clock.now(),
    );
    if (!outcome.ok)
      throw SlaErrors.create(outcome.reason === 'ALREADY_SIGNED' ? 'ALREADY_SIGNED' : 'NOT_APPROVER', {
        params: { role: describeApprovers(outcome.step), step: outcome.step.name.zh },
      });
    request.approval = outcome.progress;
    await manager.update(SlaExtensionRequest, { id: request.id }, { approval: outcome.progress as never });
    if (outcome.chainDone) return true;
    await this.port().appendEvent(
      manager,
      complaint,
      'sla.extension_signed',
      {
        requestId: request.id,
        target: request.target,
        chain: chain.key,
        step: chain.steps[progress.step].key,
        remaining: outcome.remaining,
      },
      { id: auth.userId ?? null, role: auth.role },
    );
    return false;
  }

  /**
   * The extension requests the caller's role decides (the approvals inbox), newest first. Only the approving role
   * may grant one (approveDeadlineExtension checks it), so others' requests are not the caller's to see here.
   */
  pendingExtensionRequests(auth: AuthContext, limit = 200): Promise<SlaExtensionRequest[]> {
    return this.requests.find({
      where: { tenantId: auth.tenantId, status: 'requested', approvalRole: auth.role },
      order: { requestedAt: 'DESC' },
      take: Math.min(Math.max(limit, 1), 500),
    });
  }

  /** A user of the approving role refuses a requested extension; the deadline stays and the reason is on the timeline. */
  async rejectDeadlineExtension(auth: AuthContext, requestId: string, reason: string): Promise<SlaExtensionRequest> {
    if (!reason?.trim()) throw SlaErrors.create('REJECT_REASON_REQUIRED', { field: 'reason' });
    return this.dataSource.transaction(async (manager) => {
      const request = await this.decidableRequest(manager, auth, requestId);
      const complaint = await this.complaintOf(manager, auth.tenantId, request.complaintId);
      Object.assign(request, { status: 'rejected', decidedBy: auth.userId ?? null, decidedAt: this.clock.now() });
      await manager.update(
        SlaExtensionRequest,
        { id: request.id },
        { status: 'rejected', decidedBy: request.decidedBy, decidedAt: request.decidedAt },
      );
      await this.port().appendEvent(
        manager,
        complaint,
        'sla.extension_rejected',
        {
          requestId: request.id,
          target: request.target,
          stage: request.stage,
          reason: reason.trim(),
          requestedBy: request.requestedBy ?? null,
        },
        { id: auth.userId ?? null, role: auth.role },
      );
      return request;
    });
  }

  /** A request still waiting, which the caller's role decides. */
  private async decidableRequest(manager: EntityManager, auth: AuthContext, requestId: string): Promise<SlaExtensionRequest> {
    const request = await manager.findOne(SlaExtensionRequest, { where: { tenantId: auth.tenantId, id: requestId } });
    if (!request) throw SlaErrors.create('EXTENSION_REQUEST_NOT_FOUND', { field: 'requestId' });
    if (request.status !== 'requested') throw SlaErrors.create('EXTENSION_REQUEST_DECIDED', { field: 'requestId' });
    // In an approval chain, who may sign is the chain's step's business (signExtension), not the approval role's.
    if (!request.approval && auth.role !== request.approvalRole)
      throw SlaErrors.create('NOT_APPROVER', { params: { role: request.approvalRole } });
    return request;
  }

  private async applyExtension(
    manager: EntityManager,
    complaint: Complaint,
    row: SlaClock,
    policy: CompiledPolicy,
    stages: SlaTarget['duration'][],
    reason: string,
    who: { approvedBy: string | null; requestedBy: string | null },
  ): Promise<void> {
    const at = this.clock.now();
    const calendar = this.calendarOfRow(row, policy);
    const previousDueAt = row.dueAt;
    let state: ClockState;
    try {
      state = extendClock(toClockState(row), stages, reason, at, calendar, who.approvedBy ? { approvedBy: who.approvedBy } : {});
    } catch (error) {
      if (error instanceof ExtensionLimitError)
        throw SlaErrors.create('NO_FURTHER_EXTENSION', { field: 'target', params: { target: row.target, stage: error.currentStage } });
      if (error instanceof SlaClockError && error.code === 'EXTENSION_AFTER_DUE')
        throw SlaErrors.create('EXTENSION_AFTER_DUE', { field: 'target', params: { target: row.target } });
      if (error instanceof SlaClockError && error.code === 'INVALID_TRANSITION')
        throw SlaErrors.create('CLOCK_STOPPED', { field: 'target', params: { target: row.target } });
      throw error;
    }
    applyClockState(row, state);
    // The warning is about the new deadline now; it fires again when its new time comes.
    if (row.warnAt && row.warnAt.getTime() > at.getTime()) row.warnedAt = null;
    row.nextFireAt = nextFireAt(row);
    row.updatedAt = at;
    await manager.save(SlaClock, row);
    await this.flagHolidayData(manager, complaint, policy, row);
    const extension = state.extensions[state.extensions.length - 1];
    await this.port().appendEvent(
      manager,
      complaint,
      'sla.extended',
      {
        target: row.target,
        stage: extension.stage,
        reason,
        previousDueAt: previousDueAt.toISOString(),
        newDueAt: row.dueAt.toISOString(),
        duration: row.duration,
        approvedBy: who.approvedBy,
        requestedBy: who.requestedBy,
        policyVersion: row.policyVersion,
      },
      { id: who.approvedBy, role: 'manager' },
    );
    // The notice is chosen by policy data: the `sla.extended` notice rules of the complaint's SLA policy.
    const subject = {
      typeKey: complaint.typeKey,
      typeKeys: policy.typeKeys(complaint.typeKey),
      channel: complaint.channel,
      severity: complaint.severity,
      slaPolicy: row.slaPolicy,
      state: complaint.state,
    };
    for (const notice of extensionNotices(policy.document, subject)) {
      await this.outbox.enqueue(manager, {
        tenantId: complaint.tenantId,
        kind: 'notification',
        topic: 'sla.extended',
        complaintId: complaint.id,
        dedupeKey: `${complaint.id}:sla.extended:${row.target}:${extension.stage}:${notice.key}`,
        notBefore: this.calendars.calendar(complaint.tenantId, policy).nextWorkingTime(at),
        payload: {
          recipient: recipientOf(notice.to, complaint, policy),
          template: notice.template ?? null,
          notice: notice.key,
          channels: notice.channels,
          urgent: notice.urgent ?? false,
          complaintId: complaint.id,
          complaintNumber: complaint.number,
          target: row.target,
          stage: extension.stage,
          reason,
          previousDueAt: previousDueAt.toISOString(),
          newDueAt: row.dueAt.toISOString(),
          policyVersion: row.policyVersion,
        },
      });
    }
    const all = await manager.find(SlaClock, { where: { tenantId: complaint.tenantId, complaintId: complaint.id } });
    await this.refreshComplaint(
      manager,
      complaint,
      all.map((r) => (r.id === row.id ? row : r)),
      at,
    );
  }

  private ladderOf(row: SlaClock, policy: CompiledPolicy): { target: SlaTarget; stages: SlaTarget['duration'][] } {
    const target = policy.slaPolicy(row.slaPolicy)?.targets.find((t) => t.key === row.target);
    if (!target?.extensions?.length) throw SlaErrors.create('NO_EXTENSION_STAGES', { field: 'target', params: { target: row.target } });
    return { target, stages: [target.duration, ...target.extensions] };
  }

  private async lockedClock(manager: EntityManager, tenantId: string, complaintId: string, target: string): Promise<SlaClock> {
    const qb = manager
      .getRepository(SlaClock)
      .createQueryBuilder('k')
      .where('k.tenant_id = :tenantId AND k.complaint_id = :complaintId AND k.target = :target', { tenantId, complaintId, target })
      .orderBy('k.round', 'DESC')
      .addOrderBy('k.created_at', 'DESC');
    if (this.isPostgres(manager)) qb.setLock('pessimistic_write');
    const row = await qb.getOne();
    if (!row) throw SlaErrors.create('CLOCK_NOT_FOUND', { field: 'target', params: { target } });
    if (!OPEN.includes(row.state)) throw SlaErrors.create('CLOCK_STOPPED', { field: 'target', params: { target } });
    return row;
  }

  // ── policy changes ────────────────────────────────────────────────────────────────────────────────

  /**
   * Per open clock: its due time now (pinned version) and under the current version. Nothing moves until
   * `reapplyPolicy`. Without ids: every open clock pinned to an older version (at most `limit`).
   */
  async reapplyPolicyPreview(tenantId: string, complaintIds?: string[] | null, limit = 500): Promise<ReapplyChange[]> {
    const current = await this.policies().getCurrent(tenantId);
    if (!current) throw SlaErrors.create('NO_POLICY');
    const rows = await this.openClocks(this.dataSource.manager, tenantId, current.version, complaintIds, limit, false);
    return rows.map((row) => this.reapplied(row, current).change);
  }

  /** Moves open clocks to the current version's targets (admin), with a timeline event per complaint. */
  async reapplyPolicy(auth: AuthContext, complaintIds?: string[] | null, limit = 500): Promise<ReapplyChange[]> {
    const current = await this.policies().getCurrent(auth.tenantId);
    if (!current) throw SlaErrors.create('NO_POLICY');
    return this.dataSource.transaction(async (manager) => {
      const at = this.clock.now();
      const rows = await this.openClocks(manager, auth.tenantId, current.version, complaintIds, limit, true);
      const changes: ReapplyChange[] = [];
      const byComplaint = new Map<string, ReapplyChange[]>();
      for (const row of rows) {
        const { change, state } = this.reapplied(row, current);
        changes.push(change);
        if (!state) continue;
        applyClockState(row, state);
        row.policyVersion = current.version;
        if (row.warnAt && row.warnAt > at) row.warnedAt = null;
        if (row.dueAt > at) row.breachedAt = null;
        row.nextFireAt = nextFireAt(row);
        row.updatedAt = at;
        await manager.save(SlaClock, row);
        byComplaint.set(row.complaintId, [...(byComplaint.get(row.complaintId) ?? []), change]);
      }
      for (const [complaintId, moved] of byComplaint) {
        const complaint = await this.complaintOf(manager, auth.tenantId, complaintId);
        await this.port().appendEvent(
          manager,
          complaint,
          'sla.reapplied',
          {
            toVersion: current.version,
            clocks: moved.map((c) => ({
              target: c.target,
              fromVersion: c.fromVersion,
              oldDueAt: c.oldDueAt.toISOString(),
              newDueAt: c.newDueAt?.toISOString() ?? null,
            })),
          },
          { id: auth.userId ?? null, role: auth.role },
        );
        const all = await manager.find(SlaClock, { where: { tenantId: auth.tenantId, complaintId } });
        await this.refreshComplaint(manager, complaint, all, at);
      }
      return changes;
    });
  }

  private reapplied(row: SlaClock, current: CompiledPolicy): { change: ReapplyChange; state: ClockState | null } {
    const target = current.slaPolicy(row.slaPolicy)?.targets.find((t) => t.key === row.target);
    const base = {
      complaintId: row.complaintId,
      clockId: row.id,
      target: row.target,
      fromVersion: row.policyVersion,
      toVersion: current.version,
      oldDueAt: row.dueAt,
    };
    if (!target)
      return {
        change: { ...base, newDueAt: null, note: `target ${row.target} of ${row.slaPolicy} is not in version ${current.version}` },
        state: null,
      };
    const state = recomputeClock(toClockState(row), target, this.calendars.calendar(row.tenantId, current, target.calendar));
    return { change: { ...base, newDueAt: new Date(state.dueAt), note: null }, state };
  }

  private async openClocks(
    manager: EntityManager,
    tenantId: string,
    currentVersion: number,
    ids: string[] | null | undefined,
    limit: number,
    lock: boolean,
  ): Promise<SlaClock[]> {
    const qb = manager
      .getRepository(SlaClock)
      .createQueryBuilder('k')
      .where('k.tenant_id = :tenantId', { tenantId })
      .andWhere('k.state IN (:...open)', { open: OPEN })
      .andWhere('k.policy_version <> :currentVersion', { currentVersion })
      .orderBy('k.created_at', 'ASC')
      .limit(Math.min(Math.max(limit, 1), 5000));
    if (ids?.length) qb.andWhere('k.complaint_id IN (:...ids)', { ids });
    if (lock && this.isPostgres(manager)) qb.setLock('pessimistic_write');
    return qb.getMany();
  }

  // ── KPIs ──────────────────────────────────────────────────────────────────────────────────────────

  /**
   * On-time rate per target for clocks that stopped in [from, to): met before due / all stopped (cancelled
   * clocks do not count), the number breached, and the average working minutes from start to stop.
   */
  async slaKpis(tenantId: string, from: Date, to: Date, groupBy: KpiGroupBy): Promise<KpiRow[]> {
    if (!(from < to)) throw SlaErrors.create('INVALID_RANGE', { field: 'from' });
    const rows = await this.clocks
      .createQueryBuilder('k')
      .innerJoin(Complaint, 'c', 'c.id = k.complaint_id AND c.tenant_id = k.tenant_id')
      .select([
        'k.target AS target',
        'k.state AS state',
        'k.started_at AS started_at',
        'k.stopped_at AS stopped_at',
        'k.paused_minutes AS paused_minutes',
        'k.duration AS duration',
        'k.policy_version AS policy_version',
        'k.calendar AS calendar',
        'c.department AS department',
        'c.type_key AS type_key',
      ])
      .where('k.tenant_id = :tenantId', { tenantId })
      .andWhere('k.state IN (:...stopped)', { stopped: ['met', 'breached'] })
      .andWhere('k.stopped_at >= :from AND k.stopped_at < :to', { from, to })
      .getRawMany<Record<string, unknown>>();
    const groups = new Map<string, { group: string; target: string; met: number; breached: number; minutes: number }>();
    for (const raw of rows) {
      const target = String(raw.target);
      const group = groupBy === 'target' ? target : String((groupBy === 'department' ? raw.department : raw.type_key) ?? '—');
      const key = `${group}\u0000${target}`;
      const entry = groups.get(key) ?? { group, target, met: 0, breached: 0, minutes: 0 };
      if (raw.state === 'met') entry.met += 1;
      else entry.breached += 1;
      const policy = await this.policies().getVersion(tenantId, Number(raw.policy_version));
      const calendar = this.calendars.calendar(tenantId, policy, String(raw.calendar));
      const worked = calendar.workingMinutesBetween(asDate(raw.started_at), asDate(raw.stopped_at));
      const durationKind = (typeof raw.duration === 'string' ? JSON.parse(raw.duration) : raw.duration)?.kind as string | undefined;
      // Paused working time did not count against the target; natural-kind pauses are approximated as working time.
      entry.minutes += Math.max(0, worked - (durationKind?.startsWith('working_') ? Number(raw.paused_minutes) || 0 : 0));
      groups.set(key, entry);
    }
    return [...groups.values()]
      .sort((a, b) => a.group.localeCompare(b.group) || a.target.localeCompare(b.target))
      .map((g) => {
        const stopped = g.met + g.breached;
        return {
          group: g.group,
          target: g.target,
          stopped,
          met: g.met,
          breached: g.breached,
          onTimeRate: stopped ? g.met / stopped : null,
          averageWorkingMinutes: stopped ? Math.round(g.minutes / stopped) : null,
        };
      });
  }

  // ── calendars for the console ─────────────────────────────────────────────────────────────────────

  async currentPolicy(tenantId: string): Promise<CompiledPolicy> {
    const policy = await this.policies().getCurrent(tenantId);
    if (!policy) throw SlaErrors.create('NO_POLICY');
    return policy;
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────────────

  /** The calendar a clock was computed with (from the version it is pinned to). */
  calendarOfRow(row: SlaClock, policy: CompiledPolicy): BusinessCalendar {
    return this.calendars.calendar(row.tenantId, policy, row.calendar);
  }

  async complaintOf(manager: EntityManager, tenantId: string, complaintId: string): Promise<Complaint> {
    const complaint = await manager.findOne(Complaint, { where: { tenantId, id: complaintId } });
    if (!complaint) throw SlaErrors.create('COMPLAINT_NOT_FOUND', { field: 'complaintId' });
    return complaint;
  }

  policies(): PolicyService {
    return this.moduleRef.get(PolicyService, { strict: false });
  }

  port(): ComplaintEscalationPort {
    return this.moduleRef.get<ComplaintEscalationPort>(COMPLAINT_ESCALATION_PORT, { strict: false });
  }

  private isPostgres(manager: EntityManager): boolean {
    return manager.connection.options.type === 'postgres';
  }
}

/** The handling round under way: the highest round among the complaint's clocks (1 before any clock exists). */
function roundOf(rows: SlaClock[]): number {
  return rows.reduce((max, row) => Math.max(max, row.round ?? 1), 1);
}

/** Transitions never go back in time: a request stamped a moment before a concurrent re-arm still applies. */
function notBefore(at: Date, state: ClockState): Date {
  const refs = [state.startedAt, state.pausedAt, state.pauses?.[state.pauses.length - 1]?.to].filter(Boolean).map((s) => Date.parse(s!));
  return new Date(Math.max(at.getTime(), ...refs));
}

function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  // SQLite returns 'YYYY-MM-DD HH:MM:SS.SSS' in UTC.
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}
