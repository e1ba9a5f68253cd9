import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Auth, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { CommonErrors } from '../../common/errors/app-error';
import type { Incident } from './incident.entity';
import { IncidentService } from './incident.service';
import {
  CreateIncidentInput,
  IncidentCloseModeEnum,
  IncidentCloseResult,
  IncidentMemberView,
  IncidentReplyInput,
  IncidentStateEnum,
  IncidentStatsView,
  IncidentView,
  MemberOutcomeView,
} from './dtos/incident.types';

const READERS = [Role.admin, Role.manager, Role.handler, Role.agent, Role.analyst, Role.expert, Role.auditor];
/** Grouping, splitting and answering is handling work; closing members is a manager's decision, as for one complaint. */
const HANDLERS = [Role.admin, Role.manager, Role.handler];
const CLOSERS = [Role.admin, Role.manager];

@Resolver(() => IncidentView)
export class IncidentResolver {
  constructor(private readonly service: IncidentService) {}

  @Roles(...READERS)
  @Query(() => [IncidentView], { description: '批量事件, newest first.' })
  incidents(
    @Auth() auth: AuthContext,
    @Args('state', { type: () => [IncidentStateEnum], nullable: true }) state?: IncidentStateEnum[],
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first = 50,
  ): Promise<Incident[]> {
    if (first < 1 || first > 200) throw CommonErrors.create('VALIDATION_FAILED', { field: 'first', params: { detail: 'first: 1–200' } });
    return this.service.list(auth, state as Incident['state'][] | undefined, first);
  }

  @Roles(...READERS)
  @Query(() => IncidentView)
  incident(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<Incident> {
    return this.service.get(auth, id);
  }

  @Roles(...READERS)
  @Query(() => IncidentView, { nullable: true, description: 'The incident a complaint belongs to, if any.' })
  incidentOfComplaint(@Auth() auth: AuthContext, @Args('complaintId', { type: () => ID }) complaintId: string): Promise<Incident | null> {
    return this.service.ofComplaint(auth.tenantId, complaintId);
  }

  @Roles(Role.admin, Role.manager, Role.analyst, Role.auditor)
  @Query(() => IncidentStatsView, { description: 'Incidents formed in [from, to) and their members, counted apart.' })
  incidentStats(@Auth() auth: AuthContext, @Args('from') from: Date, @Args('to') to: Date) {
    return this.service.stats(auth, from, to);
  }

  @ResolveField(() => [IncidentMemberView], { description: 'Members in order of arrival (released ones included, with releasedAt).' })
  async members(@Auth() auth: AuthContext, @Parent() incident: Incident): Promise<IncidentMemberView[]> {
    return (await this.service.memberComplaints(auth.tenantId, incident.id)).map(({ member, complaint }) => ({
      complaintId: member.complaintId,
      number: complaint?.number,
      state: complaint?.state,
      severity: complaint?.severity,
      typeKey: complaint?.typeKey,
      slaStatus: complaint?.slaStatus,
      resolutionDueAt: complaint?.resolutionDueAt ?? undefined,
      receivedAt: member.receivedAt,
      joinedBy: member.joinedBy,
      joinedAt: member.joinedAt,
      releasedAt: member.releasedAt ?? undefined,
    }));
  }

  @ResolveField(() => Int, { description: 'Members still in the incident.' })
  async memberCount(@Auth() auth: AuthContext, @Parent() incident: Incident): Promise<number> {
    return (await this.service.activeMembers(auth.tenantId, incident.id)).length;
  }

  @Roles(...HANDLERS)
  @Mutation(() => IncidentView, { description: 'Groups complaints by hand into a new incident.' })
  createIncident(@Auth() auth: AuthContext, @Args('input') input: CreateIncidentInput): Promise<Incident> {
    return this.service.create(auth, input.title, input.complaintIds, input.ownerId);
  }

  @Roles(...HANDLERS)
  @Mutation(() => IncidentView)
  addIncidentMembers(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('complaintIds', { type: () => [ID] }) complaintIds: string[],
  ): Promise<Incident> {
    return this.service.add(auth, id, complaintIds);
  }

  @Roles(...HANDLERS)
  @Mutation(() => IncidentView, { description: 'Takes complaints out of the incident; the rule will not group them again.' })
  releaseIncidentMembers(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('complaintIds', { type: () => [ID] }) complaintIds: string[],
  ): Promise<Incident> {
    return this.service.release(auth, id, complaintIds);
  }

  @Roles(...HANDLERS)
  @Mutation(() => IncidentView, { description: 'Moves the given members into a new incident; returns the new one.' })
  splitIncident(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('complaintIds', { type: () => [ID] }) complaintIds: string[],
    @Args('title') title: string,
  ): Promise<Incident> {
    return this.service.split(auth, id, complaintIds, title);
  }

  @Roles(...HANDLERS)
  @Mutation(() => IncidentView, { description: 'Moves every member of sourceId into targetId; the source becomes merged.' })
  mergeIncidents(
    @Auth() auth: AuthContext,
    @Args('targetId', { type: () => ID }) targetId: string,
    @Args('sourceId', { type: () => ID }) sourceId: string,
  ): Promise<Incident> {
    return this.service.merge(auth, targetId, sourceId);
  }

  @Roles(...CLOSERS)
  @Mutation(() => IncidentView)
  assignIncident(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('ownerId', { type: () => ID }) ownerId: string,
  ): Promise<Incident> {
    return this.service.assign(auth, id, ownerId);
  }

  @Roles(...HANDLERS)
  @Mutation(() => [MemberOutcomeView], { description: 'Answers every open member in one action, each complaint with its own reply.' })
  replyToIncident(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: IncidentReplyInput) {
    return this.service.reply(auth, id, input);
  }

  @Roles(...CLOSERS)
  @Mutation(() => IncidentCloseResult, {
    description: 'Closes the incident, closing or releasing its members; members that cannot be closed are reported.',
  })
  closeIncident(
    @Auth() auth: AuthContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('mode', { type: () => IncidentCloseModeEnum }) mode: IncidentCloseModeEnum,
    @Args('reason') reason: string,
  ) {
    return this.service.close(auth, id, mode, reason);
  }
}
