import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../../policy/dtos/json.scalar';

@ObjectType()
export class Complainant {
  @Field(() => ID) customerId!: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) idNumber?: string | null;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field({ description: 'True when personal fields are masked for the caller’s role.' }) masked!: boolean;
}

@ObjectType({ description: 'One entry of the append-only timeline.' })
export class TimelineEvent {
  @Field(() => ID) id!: string;
  @Field(() => Int) seq!: number;
  @Field() type!: string;
  @Field(() => String, { nullable: true }) actorId?: string | null;
  @Field(() => String, { nullable: true }) actorRole?: string | null;
  @Field(() => JSONScalar) data!: Record<string, unknown>;
  @Field() at!: Date;
}

@ObjectType({ description: 'A decision the policy made, with why: rule set, matched row, policy version and trace.' })
export class Decision {
  @Field({ description: 'validity | severity | routing | sla' }) kind!: string;
  @Field(() => JSONScalar) outcome!: unknown;
  @Field() ruleSet!: string;
  @Field(() => String, { nullable: true }) rowKey?: string | null;
  @Field(() => Int) policyVersion!: number;
  @Field(() => String, { nullable: true, description: 'Human-readable explanation from the rule trace.' }) explanation?: string | null;
  @Field(() => JSONScalar, {
    nullable: true,
    description:
      "The matched row's trace, structured ({ op, value?, textLength?, matched?, args? }): operators as evaluated, keyword tests with the keywords found. For explaining in the reader's language. Null for decisions recorded before it existed.",
  })
  trace?: Record<string, unknown> | null;
  @Field() at!: Date;
}

@ObjectType()
export class ComplaintTaskView {
  @Field(() => ID) id!: string;
  @Field() department!: string;
  @Field(() => String, { nullable: true }) assigneeId?: string | null;
  @Field() title!: string;
  @Field() state!: string;
  @Field(() => String, { nullable: true }) result?: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt?: Date | null;
}

@ObjectType()
export class ComplaintReplyView {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) templateKey?: string | null;
  @Field() channel!: string;
  @Field(() => String, { nullable: true }) subject?: string | null;
  @Field() body!: string;
  @Field(() => String, { nullable: true }) sentBy?: string | null;
  @Field(() => String, { nullable: true }) approvedBy?: string | null;
  @Field() createdAt!: Date;
}

@ObjectType('Complaint')
export class ComplaintView {
  @Field(() => ID) id!: string;
  @Field() number!: string;
  @Field() channel!: string;
  @Field() type!: string;
  @Field(() => String, { nullable: true }) typeName?: string | null;
  @Field() typePath!: string;
  @Field() kind!: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field() text!: string;
  @Field(() => String, { nullable: true }) requestedRemedy?: string | null;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => Date, { nullable: true }) occurredAt?: Date | null;
  @Field() receivedAt!: Date;
  @Field(() => JSONScalar, { description: 'Form values; personal fields masked for roles that do not need them.' }) form!: Record<
    string,
    unknown
  >;
  @Field(() => [String]) attachments!: string[];
  @Field(() => Complainant) complainant!: Complainant;
  @Field() state!: string;
  @Field() valid!: boolean;
  @Field(() => String, { nullable: true }) invalidReason?: string | null;
  @Field() severity!: string;
  @Field(() => String, { nullable: true }) severityName?: string | null;
  @Field(() => String, { nullable: true }) department?: string | null;
  @Field(() => String, { nullable: true }) team?: string | null;
  @Field(() => String, { nullable: true }) assigneeId?: string | null;
  @Field(() => String, { nullable: true }) firstContactId?: string | null;
  @Field(() => String, { nullable: true }) slaPolicy?: string | null;
  @Field(() => Int) policyVersion!: number;
  @Field(() => String, { nullable: true }) cause?: string | null;
  @Field(() => String, { nullable: true }) predictedCause?: string | null;
  @Field(() => Float, { nullable: true }) predictedConfidence?: number | null;
  @Field(() => String, { nullable: true }) satisfaction?: string | null;
  @Field(() => Int, { nullable: true }) satisfactionScore?: number | null;
  @Field(() => Int) unsatisfiedCount!: number;
  @Field(() => Int) reopenCount!: number;
  @Field(() => Date, { nullable: true }) resolutionDueAt?: Date | null;
  @Field() slaStatus!: string;
  @Field(() => String, { nullable: true }) approvalStatus?: string | null;
  @Field(() => JSONScalar, { nullable: true, description: 'A solution/reply waiting for a manager’s approval.' }) pendingReply?: Record<
    string,
    unknown
  > | null;
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'A closure waiting for the signatures of the closure approval chain: { to, transition, comment, proposedBy, approval }.',
  })
  pendingClosure?: Record<string, unknown> | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Date, { nullable: true }) respondedAt?: Date | null;
  @Field(() => Date, { nullable: true }) closedAt?: Date | null;
  /** Internal: for field resolvers. */
  tenantId!: string;
}

@ObjectType()
export class ComplaintEdge {
  @Field() cursor!: string;
  @Field(() => ComplaintView) node!: ComplaintView;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor?: string | null;
}

@ObjectType()
export class ComplaintConnection {
  @Field(() => [ComplaintEdge]) edges!: ComplaintEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
