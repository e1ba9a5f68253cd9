import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { defaultEngine } from '@redress/rules';
import type { PolicyCollection } from '@redress/sdk';
import { Auth, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { PolicyDraftService } from './policy-draft.service';
import { JSONScalar } from './dtos/json.scalar';
import {
  CalendarType,
  ChannelType,
  ComplaintTypeType,
  DecisionTableType,
  DepartmentType,
  EscalationRuleType,
  FieldDefinitionType,
  FindingCodeType,
  HolidayScheduleType,
  WorkflowType,
  ApprovalChainType,
  IncidentRuleType,
  NoticeRuleType,
  PolicyDocumentType,
  PolicySettingsInput,
  PolicySettingsType,
  ReplyTemplateType,
  RuleTestCaseType,
  SeverityLevelType,
  SlaPolicyType,
  TeamType,
} from './dtos/policy-document.types';
import { PolicyFactFieldType, RuleOperatorType, RuleSetKeyEnum } from './dtos/policy-results.types';
import { documentView } from './dtos/policy-views';

/** Who may read policy configuration (the console's policy studio, auditors, analysts reading rules). */
export const POLICY_READERS = [Role.admin, Role.manager, Role.analyst, Role.expert, Role.auditor];

/** Plain data from a validated input: DTO instances become plain objects, null members are dropped (JSON values stay as given). */
function plain<T>(input: T): T {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (value && typeof value === 'object' && value.constructor !== Object && !(value instanceof Date)) {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k, v]) => [k, convert(v)]),
      );
    }
    return value;
  };
  return convert(input) as T;
}

/** Editing the draft, one object at a time. Everything is audited; nothing goes live until publishPolicy. */
@Resolver()
export class PolicyDraftResolver {
  constructor(private readonly draft: PolicyDraftService) {}

  private upsert<T extends { key: string }>(auth: AuthContext, collection: PolicyCollection, input: T): Promise<T> {
    return this.draft.upsertItem(auth, collection, plain(input));
  }

  @Roles(...POLICY_READERS)
  @Query(() => PolicyDocumentType, { description: 'The draft policy (what publishPolicy would publish).' })
  async draftPolicy(@Auth() auth: AuthContext): Promise<PolicyDocumentType> {
    return documentView(await this.draft.draftDocument(auth.tenantId));
  }

  @Roles(...POLICY_READERS)
  @Query(() => JSONScalar, { description: 'The draft policy as one JSON document.' })
  draftPolicyJson(@Auth() auth: AuthContext): Promise<unknown> {
    return this.draft.draftDocument(auth.tenantId);
  }

  @Roles(...POLICY_READERS)
  @Query(() => [PolicyFactFieldType], {
    description: 'The facts a rule of the draft may read (system facts + form fields), for the rule builder.',
  })
  async policyFactSchema(@Auth() auth: AuthContext): Promise<PolicyFactFieldType[]> {
    const schema = this.draft.factSchemaOf(await this.draft.draftDocument(auth.tenantId));
    return Object.entries(schema.fields)
      .map(([path, field]) => ({ path, type: field.type, label: field.label, options: field.options }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  @Roles(...POLICY_READERS)
  @Query(() => [RuleOperatorType], { description: 'Operators a rule may use (JSON-logic built-ins and Redress operators).' })
  ruleOperators(): RuleOperatorType[] {
    return defaultEngine
      .listOperators()
      .map((op) => ({ ...op, category: op.category ?? 'other', builtin: Boolean(op.builtin), standard: Boolean(op.standard) }));
  }

  @Roles(Role.admin)
  @Mutation(() => SeverityLevelType)
  upsertSeverityLevel(@Auth() auth: AuthContext, @Args('input') input: SeverityLevelType) {
    return this.upsert(auth, 'severityLevels', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteSeverityLevel(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'severityLevels', key);
  }

  @Roles(Role.admin)
  @Mutation(() => ComplaintTypeType)
  upsertComplaintType(@Auth() auth: AuthContext, @Args('input') input: ComplaintTypeType) {
    return this.upsert(auth, 'complaintTypes', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteComplaintType(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'complaintTypes', key);
  }

  @Roles(Role.admin)
  @Mutation(() => FieldDefinitionType)
  upsertField(@Auth() auth: AuthContext, @Args('input') input: FieldDefinitionType) {
    return this.upsert(auth, 'fields', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteField(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'fields', key);
  }

  @Roles(Role.admin)
  @Mutation(() => ChannelType)
  upsertChannel(@Auth() auth: AuthContext, @Args('input') input: ChannelType) {
    return this.upsert(auth, 'channels', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteChannel(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'channels', key);
  }

  @Roles(Role.admin)
  @Mutation(() => DepartmentType)
  upsertDepartment(@Auth() auth: AuthContext, @Args('input') input: DepartmentType) {
    return this.upsert(auth, 'departments', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteDepartment(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'departments', key);
  }

  @Roles(Role.admin)
  @Mutation(() => TeamType)
  upsertTeam(@Auth() auth: AuthContext, @Args('input') input: TeamType) {
    return this.upsert(auth, 'teams', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteTeam(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'teams', key);
  }

  @Roles(Role.admin)
  @Mutation(() => CalendarType)
  upsertCalendar(@Auth() auth: AuthContext, @Args('input') input: CalendarType) {
    return this.upsert(auth, 'calendars', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteCalendar(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'calendars', key);
  }

  @Roles(Role.admin)
  @Mutation(() => HolidayScheduleType, {
    description: 'Adds or replaces the holiday and 调休 schedule of a year; checked at once (overlaps, impossible dates).',
  })
  upsertHolidaySchedule(@Auth() auth: AuthContext, @Args('input') input: HolidayScheduleType) {
    return this.upsert(auth, 'holidaySchedules', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteHolidaySchedule(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'holidaySchedules', key);
  }

  @Roles(Role.admin)
  @Mutation(() => HolidayScheduleType, {
    description:
      'Reads the State Council notice’s table as text (“元旦：1月1日至3日放假，共3天。”, “…放假调休，共9天。2月14日（星期六）上班。”) ' +
      'and saves it as the schedule of `year` in the draft. Problems come back per line in extensions.problems.',
  })
  importHolidayNotice(
    @Auth() auth: AuthContext,
    @Args('year', { type: () => Int }) year: number,
    @Args('text') text: string,
    @Args('source', { nullable: true }) source?: string,
  ) {
    return this.draft.importHolidayNotice(auth, year, text, source ?? undefined);
  }

  @Roles(Role.admin)
  @Mutation(() => FindingCodeType, { description: 'Adds or replaces a coded finding handlers may record after investigating.' })
  upsertFindingCode(@Auth() auth: AuthContext, @Args('input') input: FindingCodeType) {
    return this.upsert(auth, 'findingCodes', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteFindingCode(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'findingCodes', key);
  }

  @Roles(Role.admin)
  @Mutation(() => SlaPolicyType)
  upsertSlaPolicy(@Auth() auth: AuthContext, @Args('input') input: SlaPolicyType) {
    return this.upsert(auth, 'slaPolicies', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteSlaPolicy(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'slaPolicies', key);
  }

  @Roles(Role.admin)
  @Mutation(() => EscalationRuleType)
  upsertEscalationRule(@Auth() auth: AuthContext, @Args('input') input: EscalationRuleType) {
    return this.upsert(auth, 'escalations', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteEscalationRule(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'escalations', key);
  }

  @Roles(Role.admin)
  @Mutation(() => IncidentRuleType, { description: 'Window, threshold and group-by facts are checked at publish.' })
  upsertIncidentRule(@Auth() auth: AuthContext, @Args('input') input: IncidentRuleType) {
    return this.upsert(auth, 'incidentRules', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteIncidentRule(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'incidentRules', key);
  }

  @Roles(Role.admin)
  @Mutation(() => WorkflowType, {
    description:
      'Adds or replaces a workflow; unreachable states, unknown facts in guards and the like are refused at publish with their paths.',
  })
  upsertWorkflow(@Auth() auth: AuthContext, @Args('input') input: WorkflowType) {
    return this.upsert(auth, 'workflows', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteWorkflow(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'workflows', key);
  }

  @Roles(Role.admin)
  @Mutation(() => ApprovalChainType, {
    description: 'Adds or replaces an approval chain (replies, policy publishing); steps naming nobody are refused at publish.',
  })
  upsertApprovalChain(@Auth() auth: AuthContext, @Args('input') input: ApprovalChainType) {
    return this.upsert(auth, 'approvalChains', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteApprovalChain(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'approvalChains', key);
  }

  @Roles(Role.admin)
  @Mutation(() => ReplyTemplateType, { description: 'Unknown {{variables}} are refused at save (field body).' })
  upsertReplyTemplate(@Auth() auth: AuthContext, @Args('input') input: ReplyTemplateType) {
    return this.upsert(auth, 'templates', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteReplyTemplate(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'templates', key);
  }

  @Roles(Role.admin)
  @Mutation(() => NoticeRuleType, {
    description: 'What is sent when (acknowledgement, reply letter, extension notice per SLA policy, escalations).',
  })
  upsertNoticeRule(@Auth() auth: AuthContext, @Args('input') input: NoticeRuleType) {
    return this.upsert(auth, 'notices', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteNoticeRule(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'notices', key);
  }

  @Roles(Role.admin)
  @Mutation(() => RuleTestCaseType)
  upsertRuleTest(@Auth() auth: AuthContext, @Args('input') input: RuleTestCaseType) {
    return this.upsert(auth, 'tests', input);
  }
  @Roles(Role.admin)
  @Mutation(() => Boolean)
  deleteRuleTest(@Auth() auth: AuthContext, @Args('key') key: string) {
    return this.draft.deleteItem(auth, 'tests', key);
  }

  @Roles(Role.admin)
  @Mutation(() => DecisionTableType, {
    description:
      'Replaces a decision table. Every rule is checked against the fact schema; problems come back in extensions.problems with their paths.',
  })
  setRuleSet(
    @Auth() auth: AuthContext,
    @Args('key', { type: () => RuleSetKeyEnum }) key: RuleSetKeyEnum,
    @Args('table', { type: () => JSONScalar }) table: unknown,
  ) {
    return this.draft.setRuleSet(auth, key, table);
  }

  @Roles(Role.admin)
  @Mutation(() => PolicySettingsType)
  updatePolicySettings(@Auth() auth: AuthContext, @Args('input') input: PolicySettingsInput) {
    return this.draft.updateSettings(auth, plain(input));
  }
}
