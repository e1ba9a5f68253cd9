import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Auth, Roles } from '../../common/auth/decorators';
import { READ_ROLES, Role, STAFF_ROLES } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { SlaService, type ExtensionResult, type SlaClockView as ClockView } from './sla.service';
import { SlaCalendarsResolverService } from './sla-console.service';
import type { SlaExtensionRequest } from './sla-clock.entity';
import {
  BusinessCalendarView,
  CalendarPreview,
  ReapplyPolicyInput,
  SlaClockView,
  SlaExtensionRequestView,
  SlaExtensionResult,
  SlaKpi,
  SlaKpiGroupBy,
  SlaReapplyChange,
} from './dtos/sla.types';

/** Thin: roles and shapes here, everything else in SlaService. */
@Resolver()
export class SlaResolver {
  constructor(
    private readonly sla: SlaService,
    private readonly console: SlaCalendarsResolverService,
  ) {}

  @Roles(...READ_ROLES)
  @Query(() => [SlaClockView], {
    description: 'The SLA clocks of a complaint: due time, remaining working minutes, status, warning time, extensions.',
  })
  async slaClocks(@Auth() auth: AuthContext, @Args('complaintId', { type: () => ID }) complaintId: string): Promise<SlaClockView[]> {
    return (await this.sla.clockViews(auth.tenantId, complaintId)).map(toClockView);
  }

  @Roles(...STAFF_ROLES)
  @Mutation(() => SlaExtensionResult, {
    description:
      'Extends a deadline to its next stage (e.g. 15 → 30 → 60 days) with a reason. A caller without the approving role ' +
      '(default manager) files a request instead, granted by approveDeadlineExtension. The complainant is notified.',
  })
  async extendDeadline(
    @Auth() auth: AuthContext,
    @Args('complaintId', { type: () => ID }) complaintId: string,
    @Args('target') target: string,
    @Args('reason') reason: string,
  ): Promise<SlaExtensionResult> {
    return this.toResult(auth, await this.sla.extendDeadline(auth, complaintId, target, reason));
  }

  @Roles(...STAFF_ROLES)
  @Mutation(() => SlaExtensionResult, { description: 'Grants a requested extension (the caller must have the approving role).' })
  async approveDeadlineExtension(
    @Auth() auth: AuthContext,
    @Args('requestId', { type: () => ID }) requestId: string,
  ): Promise<SlaExtensionResult> {
    return this.toResult(auth, await this.sla.approveDeadlineExtension(auth, requestId));
  }

  @Roles(...STAFF_ROLES)
  @Query(() => [SlaExtensionRequestView], {
    description: 'Deadline extensions waiting for the caller’s role to decide (the approvals inbox), newest first.',
  })
  async pendingDeadlineExtensions(@Auth() auth: AuthContext): Promise<SlaExtensionRequestView[]> {
    return (await this.sla.pendingExtensionRequests(auth)).map(toRequestView);
  }

  @Roles(...STAFF_ROLES)
  @Mutation(() => SlaExtensionRequestView, {
    description: 'Refuses a requested extension with a reason (on the complaint’s timeline); the deadline stays.',
  })
  async rejectDeadlineExtension(
    @Auth() auth: AuthContext,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('reason') reason: string,
  ): Promise<SlaExtensionRequestView> {
    return toRequestView(await this.sla.rejectDeadlineExtension(auth, requestId, reason));
  }

  @Roles(...READ_ROLES)
  @Query(() => [BusinessCalendarView], { description: 'The business calendars of the current policy.' })
  businessCalendars(@Auth() auth: AuthContext): Promise<BusinessCalendarView[]> {
    return this.console.businessCalendars(auth.tenantId);
  }

  @Roles(...READ_ROLES)
  @Query(() => CalendarPreview, {
    description: 'Where `workingDays` working days from `from` end in a calendar, with each day and why it is (not) a working day.',
  })
  calendarPreview(
    @Auth() auth: AuthContext,
    @Args('calendarKey') calendarKey: string,
    @Args('from') from: Date,
    @Args('workingDays', { type: () => Int }) workingDays: number,
  ): Promise<CalendarPreview> {
    return this.console.calendarPreview(auth.tenantId, calendarKey, from, workingDays);
  }

  @Roles(Role.admin, Role.manager, Role.analyst, Role.auditor)
  @Query(() => [SlaKpi], {
    description: 'On-time rate, breaches and average working minutes per SLA target for clocks stopped in [from, to).',
  })
  slaKpis(
    @Auth() auth: AuthContext,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('groupBy', { type: () => SlaKpiGroupBy, defaultValue: SlaKpiGroupBy.target }) groupBy: SlaKpiGroupBy,
  ): Promise<SlaKpi[]> {
    return this.sla.slaKpis(auth.tenantId, from, to, groupBy);
  }

  @Roles(Role.admin)
  @Query(() => [SlaReapplyChange], {
    description: 'Old vs new due time of open clocks if the current policy version were applied to them. Moves nothing.',
  })
  reapplyPolicyPreview(
    @Auth() auth: AuthContext,
    @Args('input', { nullable: true }) input?: ReapplyPolicyInput,
  ): Promise<SlaReapplyChange[]> {
    return this.sla.reapplyPolicyPreview(auth.tenantId, input?.complaintIds, input?.limit ?? undefined);
  }

  @Roles(Role.admin)
  @Mutation(() => [SlaReapplyChange], {
    description: 'Moves open clocks to the current policy version (recorded on each complaint’s timeline).',
  })
  reapplyPolicy(@Auth() auth: AuthContext, @Args('input', { nullable: true }) input?: ReapplyPolicyInput): Promise<SlaReapplyChange[]> {
    return this.sla.reapplyPolicy(auth, input?.complaintIds, input?.limit ?? undefined);
  }

  private async toResult(auth: AuthContext, result: ExtensionResult): Promise<SlaExtensionResult> {
    const view = (await this.sla.clockViews(auth.tenantId, result.clock.complaintId)).find((v) => v.clock.id === result.clock.id)!;
    return { status: result.status, clock: toClockView(view), request: result.request ? toRequestView(result.request) : null };
  }
}

function toRequestView(request: SlaExtensionRequest): SlaExtensionRequestView {
  return {
    id: request.id,
    complaintId: request.complaintId,
    target: request.target,
    stage: request.stage,
    reason: request.reason,
    approvalRole: request.approvalRole,
    status: request.status,
    requestedBy: request.requestedBy ?? null,
    requestedAt: request.requestedAt,
    decidedBy: request.decidedBy ?? null,
    decidedAt: request.decidedAt ?? null,
  };
}

function toClockView(view: ClockView): SlaClockView {
  const c = view.clock;
  return {
    id: c.id,
    target: c.target,
    round: c.round ?? 1,
    slaPolicy: c.slaPolicy,
    policyVersion: c.policyVersion,
    state: c.state,
    status: view.status,
    startedAt: c.startedAt,
    dueAt: c.dueAt,
    warnAt: c.warnAt ?? null,
    remainingWorkingMinutes: view.remainingWorkingMinutes,
    pausedMinutes: Number(c.pausedMinutes) || 0,
    pausedAt: c.pausedAt ?? null,
    duration: c.duration,
    calendar: c.calendar,
    extensions: (c.extensions ?? []).map((e) => ({
      stage: e.stage,
      reason: e.reason,
      approvedBy: e.approvedBy ?? null,
      at: new Date(e.at),
      newDueAt: new Date(e.newDueAt),
    })),
    pendingExtension: view.pendingExtension ? toRequestView(view.pendingExtension) : null,
    warnedAt: c.warnedAt ?? null,
    breachedAt: c.breachedAt ?? null,
    stoppedAt: c.stoppedAt ?? null,
    recurringCount: c.recurringCount,
    breachCount: c.breachCount,
    calendarFault: view.calendarFault,
    holidayDataMissingYears: view.holidayDataMissingYears,
  };
}
