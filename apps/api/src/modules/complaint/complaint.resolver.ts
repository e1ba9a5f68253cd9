import { CommonErrors } from '../../common/errors/app-error';
import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedFieldNames } from '../analytics/selection';
import { Auth, Roles } from '../../common/auth/decorators';
import { READ_ROLES, Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { ComplaintService } from './complaint.service';
import { ComplaintIntakeService } from './complaint-intake.service';
import {
  AssignInput,
  ComplaintFilter,
  ComplaintOrder,
  FollowUpInput,
  ReplyInput,
  SubmitComplaintInput,
  TaskInput,
} from './dtos/complaint.inputs';
import {
  Complainant,
  ComplaintConnection,
  ComplaintReplyView,
  ComplaintTaskView,
  ComplaintView,
  Decision,
  TimelineEvent,
} from './dtos/complaint.types';
import type { Complaint } from './complaint.entity';
import { PageSizePipe } from '../../common/page-size.pipe';

const WORK_ROLES = [Role.admin, Role.manager, Role.handler, Role.agent];
const INTAKE_ROLES = [Role.admin, Role.manager, Role.handler, Role.agent, Role.api_client];

@Resolver(() => ComplaintView)
export class ComplaintResolver {
  constructor(
    private readonly service: ComplaintService,
    private readonly intake: ComplaintIntakeService,
  ) {}

  private view(auth: AuthContext, complaint: Complaint): Promise<ComplaintView> {
    return this.service.toView(auth, complaint);
  }

  @Roles(...INTAKE_ROLES)
  @Mutation(() => ComplaintView, {
    description:
      'Takes a complaint from any channel: validates the form, decides validity, severity, routing and SLA, and starts the clocks. Idempotent by idempotencyKey.',
  })
  async submitComplaint(@Auth() auth: AuthContext, @Args('input') input: SubmitComplaintInput): Promise<ComplaintView> {
    return this.view(auth, await this.intake.submit(auth, input));
  }

  @Roles(...READ_ROLES)
  @Query(() => ComplaintView)
  async complaint(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<ComplaintView> {
    return this.view(auth, await this.service.get(auth, id));
  }

  @Roles(...READ_ROLES)
  @Query(() => ComplaintView)
  async complaintByNumber(@Auth() auth: AuthContext, @Args('number') number: string): Promise<ComplaintView> {
    return this.view(auth, await this.service.byNumber(auth, number));
  }

  @Roles(...READ_ROLES)
  @Query(() => ComplaintConnection, {
    description: 'Complaints as a Relay connection, filtered and ordered (RESOLUTION_DUE_ASC for work queues).',
  })
  async complaints(
    @Auth() auth: AuthContext,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', { nullable: true }) filter?: ComplaintFilter,
    @Args('orderBy', { type: () => ComplaintOrder, nullable: true }) orderBy?: ComplaintOrder,
    @Args('first', { type: () => Int, nullable: true }, PageSizePipe) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('offset', {
      type: () => Int,
      nullable: true,
      description: 'Rows to skip, for page-numbered lists (page n = offset (n−1)·first); `after` wins when both are given.',
    })
    offset?: number,
  ): Promise<ComplaintConnection> {
    if (offset !== undefined && offset !== null && (!Number.isInteger(offset) || offset < 0)) {
      throw CommonErrors.create('VALIDATION_FAILED', { field: 'offset', params: { detail: 'offset must be a whole number ≥ 0' } });
    }
    return this.connection(auth, info, filter ?? {}, orderBy ?? ComplaintOrder.RECEIVED_DESC, first, after, offset ?? undefined);
  }

  @Roles(...WORK_ROLES)
  @Query(() => ComplaintConnection, { description: 'The caller’s open complaints, soonest deadline first.' })
  async myQueue(
    @Auth() auth: AuthContext,
    @Info() info: GraphQLResolveInfo,
    @Args('first', { type: () => Int, nullable: true }, PageSizePipe) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ): Promise<ComplaintConnection> {
    return this.connection(auth, info, { assigneeId: auth.userId ?? '-', open: true }, ComplaintOrder.RESOLUTION_DUE_ASC, first, after);
  }

  private async connection(
    auth: AuthContext,
    info: GraphQLResolveInfo,
    filter: ComplaintFilter,
    orderBy: ComplaintOrder,
    first?: number,
    after?: string,
    offset?: number,
  ): Promise<ComplaintConnection> {
    // The total is counted only when selected: over a large open queue the count, not the page, is the cost.
    const count = selectedFieldNames(info).has('totalCount');
    const page = await this.service.list(
      auth,
      filter,
      orderBy,
      first ?? 20,
      after ?? (offset ? this.service.cursor(offset - 1) : undefined),
      { count },
    );
    const edges = await Promise.all(
      page.rows.map(async (row, i) => ({ cursor: this.service.cursor(page.offset + i), node: await this.view(auth, row) })),
    );
    return { edges, ...page.connection };
  }

  @Roles(...WORK_ROLES)
  @Mutation(() => ComplaintView, { description: 'Moves a complaint along its life cycle; illegal moves name the allowed ones.' })
  async transition(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('to') to: string,
    @Args('comment', { nullable: true }) comment?: string,
  ): Promise<ComplaintView> {
    return this.view(auth, await this.service.transition(auth, id, to, comment));
  }

  @Roles(Role.admin, Role.manager, Role.handler)
  @Mutation(() => ComplaintView, { description: 'Assigns to a department and/or handler; reassigning needs a reason.' })
  async assignComplaint(@Auth() auth: AuthContext, @Args('input') input: AssignInput): Promise<ComplaintView> {
    return this.view(auth, await this.service.assign(auth, input));
  }

  @Roles(...WORK_ROLES)
  @Mutation(() => ComplaintView)
  async addComment(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('text') text: string,
    @Args('internal', { nullable: true }) internal?: boolean,
  ): Promise<ComplaintView> {
    return this.view(auth, await this.service.addNote(auth, id, text, internal ? 'internal_note' : 'comment'));
  }

  @Roles(Role.admin, Role.manager, Role.handler)
  @Mutation(() => ComplaintView, { description: 'A progress report (restarts the recurring progress-update clock).' })
  async reportProgress(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('text') text: string,
  ): Promise<ComplaintView> {
    return this.view(auth, await this.service.addNote(auth, id, text, 'progress'));
  }

  @Roles(Role.admin, Role.manager, Role.handler)
  @Mutation(() => ComplaintTaskView, { description: 'Cross-department work in parallel, with its own owner.' })
  createComplaintTask(@Auth() auth: AuthContext, @Args('input') input: TaskInput) {
    return this.service.createTask(auth, input);
  }

  @Roles(Role.admin, Role.manager, Role.handler)
  @Mutation(() => ComplaintTaskView)
  completeComplaintTask(@Auth() auth: AuthContext, @Args('taskId', { type: () => ID }) taskId: string, @Args('result') result: string) {
    return this.service.completeTask(auth, taskId, result);
  }

  @Roles(...WORK_ROLES)
  @Mutation(() => ComplaintView, {
    description: 'Answers the complainant (from a template or free text). Severities that need approval wait for a manager.',
  })
  async replyToComplaint(@Auth() auth: AuthContext, @Args('input') input: ReplyInput): Promise<ComplaintView> {
    return this.view(auth, await this.service.reply(auth, input));
  }

  @Roles(Role.admin, Role.manager)
  @Mutation(() => ComplaintView, { description: 'Approves the pending solution and sends the reply.' })
  async approveComplaintReply(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('comment', { nullable: true }) comment?: string,
  ): Promise<ComplaintView> {
    return this.view(auth, await this.service.decideApproval(auth, id, true, comment));
  }

  @Roles(Role.admin, Role.manager)
  @Mutation(() => ComplaintView)
  async rejectComplaintReply(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('comment', { nullable: true }) comment?: string,
  ): Promise<ComplaintView> {
    return this.view(auth, await this.service.decideApproval(auth, id, false, comment));
  }

  @Roles(Role.admin, Role.manager)
  @Mutation(() => ComplaintView, {
    description: 'Signs the waiting step of a closure held by the closure approval chain; the last signature closes.',
  })
  async approveComplaintClosure(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('comment', { nullable: true }) comment?: string,
  ): Promise<ComplaintView> {
    return this.view(auth, await this.service.decideClosure(auth, id, true, comment));
  }

  @Roles(Role.admin, Role.manager)
  @Mutation(() => ComplaintView, {
    description: 'Returns a held closure to the previous step, or drops it at the first step (a reason is required).',
  })
  async rejectComplaintClosure(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('comment', { nullable: true }) comment?: string,
  ): Promise<ComplaintView> {
    return this.view(auth, await this.service.decideClosure(auth, id, false, comment));
  }

  @Roles(...WORK_ROLES)
  @Mutation(() => ComplaintView, {
    description: '回访: satisfied closes; unsatisfied re-dispatches; unsatisfied twice goes to the manager.',
  })
  async recordFollowUp(@Auth() auth: AuthContext, @Args('input') input: FollowUpInput): Promise<ComplaintView> {
    return this.view(auth, await this.service.recordFollowUp(auth, input));
  }

  @Roles(Role.admin, Role.manager)
  @Mutation(() => ComplaintView, { description: 'Closes without a satisfied follow-up: a manager’s decision with a reason.' })
  async closeComplaint(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<ComplaintView> {
    return this.view(auth, await this.service.close(auth, id, reason));
  }

  @Roles(Role.admin, Role.manager, Role.handler, Role.analyst, Role.expert)
  @Mutation(() => ComplaintView, { description: 'Confirms the cause (feeds the cause classifier).' })
  async confirmComplaintCause(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('cause') cause: string,
  ): Promise<ComplaintView> {
    return this.view(auth, await this.service.confirmCause(auth, id, cause));
  }

  @ResolveField(() => Complainant)
  complainant(@Auth() auth: AuthContext, @Parent() complaint: ComplaintView): Promise<Complainant> {
    return this.service.complainantOf(auth, complaint as unknown as Complaint);
  }

  @ResolveField(() => [TimelineEvent])
  async timeline(@Auth() auth: AuthContext, @Parent() complaint: ComplaintView): Promise<TimelineEvent[]> {
    const events = await this.service.timelineOf(complaint as unknown as Complaint);
    return events.map((e) => ({
      id: e.id,
      seq: e.seq,
      type: e.type,
      actorId: e.actorId,
      actorRole: e.actorRole,
      data: this.service.freeTextFor(auth, e.data),
      at: e.occurredAt,
    }));
  }

  @ResolveField(() => [Decision], { description: 'Why: each decision with its rule set, row, policy version and explanation.' })
  decisions(@Parent() complaint: ComplaintView): Promise<Decision[]> {
    return this.service.decisionsOf(complaint as unknown as Complaint);
  }

  @ResolveField(() => [ComplaintTaskView])
  async tasks(@Auth() auth: AuthContext, @Parent() complaint: ComplaintView) {
    const tasks = await this.service.tasksOf(complaint as unknown as Complaint);
    return tasks.map((task) => ({
      ...task,
      title: this.service.freeTextFor(auth, task.title),
      result: this.service.freeTextFor(auth, task.result),
    }));
  }

  @ResolveField(() => [ComplaintReplyView])
  async replies(@Auth() auth: AuthContext, @Parent() complaint: ComplaintView) {
    const replies = await this.service.repliesOf(complaint as unknown as Complaint);
    return replies.map((reply) => ({
      ...reply,
      subject: this.service.freeTextFor(auth, reply.subject),
      body: this.service.freeTextFor(auth, reply.body),
    }));
  }

  @ResolveField(() => [String], { description: 'States the caller may move this complaint to.' })
  allowedTransitions(@Auth() auth: AuthContext, @Parent() complaint: ComplaintView): Promise<string[]> {
    return this.service.allowedTransitions(auth, complaint as unknown as Complaint);
  }
}
