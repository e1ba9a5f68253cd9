import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, Max, Min } from 'class-validator';
import { JSONScalar } from './json.scalar';
import { LocalizedTextType, PolicyDocumentType } from './policy-document.types';

export enum RuleSetKeyEnum {
  validity = 'validity',
  severity = 'severity',
  routing = 'routing',
  sla = 'sla',
}
registerEnumType(RuleSetKeyEnum, { name: 'RuleSetKey', description: 'The four decision tables of a policy, evaluated in this order.' });

@ObjectType('PolicyProblem')
export class PolicyProblemType {
  @Field({ description: 'Where, e.g. complaintTypes[service.attitude].defaultDepartment or rules.routing.rows[r1].when.and[0].' })
  path!: string;
  @Field() code!: string;
  @Field() message!: string;
  @Field({ nullable: true }) suggestion?: string;
}

@ObjectType('RuleTestFailure')
export class RuleTestFailureType {
  @Field({ description: 'valid | invalidReason | severity | department | slaPolicy' }) what!: string;
  @Field() expected!: string;
  @Field() actual!: string;
  @Field({ nullable: true, description: 'The rule row that decided; absent when a fallback decided.' }) rowKey?: string;
  @Field({ nullable: true }) trace?: string;
  @Field({ description: 'e.g. "test t1: expected severity urgent, got normal (row sev-default)"' }) message!: string;
}

@ObjectType('RuleTestResult')
export class RuleTestResultType {
  @Field() key!: string;
  @Field({ nullable: true }) description?: string;
  @Field() passed!: boolean;
  @Field(() => [RuleTestFailureType]) failures!: RuleTestFailureType[];
  @Field(() => JSONScalar, { nullable: true, description: 'All four decisions with their rows and traces.' }) decisions?: unknown;
  @Field({ nullable: true }) error?: string;
}

@ObjectType('PolicyValidation')
export class PolicyValidationType {
  @Field({ description: 'No problems and every rule test passes: publishing would succeed.' }) valid!: boolean;
  @Field(() => [PolicyProblemType]) problems!: PolicyProblemType[];
  @Field(() => [RuleTestResultType]) tests!: RuleTestResultType[];
}

@ObjectType('PolicyVersion', { description: 'An immutable, numbered snapshot of the policy.' })
export class PolicyVersionType {
  @Field(() => Int) version!: number;
  @Field({ description: 'pending_approval | published | rejected' }) status!: string;
  @Field({ description: 'The version deciding new complaints now.' }) isCurrent!: boolean;
  @Field(() => String, { nullable: true }) createdBy!: string | null;
  @Field(() => String, { nullable: true }) approvedBy!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was approved or rejected.' }) decisionNote!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field({ description: 'SHA-256 of the canonical JSON document.' }) contentHash!: string;
  @Field(() => Int, { nullable: true, description: 'For a rollback: the version republished.' }) rolledBackFrom!: number | null;
  @Field(() => JSONScalar, {
    nullable: true,
    description: 'Publishing chain progress: { chain, step, signatures: [{ step, userId, role, at, comment }] }.',
  })
  approval!: unknown;
  @Field(() => PolicyDocumentType) document!: PolicyDocumentType;
  @Field(() => JSONScalar) documentJson!: unknown;
}

@ObjectType('PolicyFactField', { description: 'A fact a rule may read, e.g. complaint.channel.' })
export class PolicyFactFieldType {
  @Field({ description: 'Dotted path used in {"var": …}.' }) path!: string;
  @Field() type!: string;
  @Field(() => LocalizedTextType, { nullable: true }) label?: LocalizedTextType;
  @Field(() => [String], { nullable: true }) options?: string[];
}

@ObjectType('RuleOperatorArg')
export class RuleOperatorArgType {
  @Field() name!: string;
  @Field() type!: string;
  @Field(() => LocalizedTextType) description!: LocalizedTextType;
  @Field({ nullable: true }) optional?: boolean;
  @Field({ nullable: true }) variadic?: boolean;
}

@ObjectType('RuleOperator')
export class RuleOperatorType {
  @Field() name!: string;
  @Field(() => LocalizedTextType) description!: LocalizedTextType;
  @Field(() => [RuleOperatorArgType]) args!: RuleOperatorArgType[];
  @Field() returns!: string;
  @Field() category!: string;
  @Field({ description: 'Shipped with Redress (JSON-logic and Redress built-ins) rather than registered by a plugin.' }) builtin!: boolean;
  @Field({
    description: "One of JSON-logic's own operators; false for Redress and plugin operators (which the rule builder offers by name).",
  })
  standard!: boolean;
}

@ObjectType('PathChange')
export class PathChangeType {
  @Field() path!: string;
  @Field(() => JSONScalar, { nullable: true }) before?: unknown;
  @Field(() => JSONScalar, { nullable: true }) after?: unknown;
}

@ObjectType('ChangedObject')
export class ChangedObjectType {
  @Field() key!: string;
  @Field(() => [PathChangeType]) changes!: PathChangeType[];
}

@ObjectType('CollectionDiff')
export class CollectionDiffType {
  @Field() collection!: string;
  @Field(() => [String]) added!: string[];
  @Field(() => [String]) removed!: string[];
  @Field(() => [ChangedObjectType]) changed!: ChangedObjectType[];
}

@ObjectType('RuleSetDiff')
export class RuleSetDiffType {
  @Field() key!: string;
  @Field(() => [String]) rowsAdded!: string[];
  @Field(() => [String]) rowsRemoved!: string[];
  @Field(() => [ChangedObjectType]) rowsChanged!: ChangedObjectType[];
  @Field() rowsReordered!: boolean;
  @Field(() => [PathChangeType]) tableChanges!: PathChangeType[];
}

@ObjectType('PolicyDiff')
export class PolicyDiffType {
  @Field() from!: string;
  @Field() to!: string;
  @Field() identical!: boolean;
  @Field(() => [CollectionDiffType]) collections!: CollectionDiffType[];
  @Field(() => [RuleSetDiffType]) ruleSets!: RuleSetDiffType[];
  @Field(() => [PathChangeType]) settings!: PathChangeType[];
  @Field({ description: 'One line per changed collection, rule table and setting.' }) summary!: string;
}

@InputType('SimulationSampleInput', { description: 'Either given complaint facts or the last N real complaints.' })
export class SimulationSampleInput {
  @Field(() => [JSONScalar], { nullable: true, description: 'Complaint facts, one object per complaint (see policyFactSchema).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100_000)
  @IsObject({ each: true })
  facts?: Record<string, unknown>[];
  @Field(() => Int, { nullable: true, description: 'The last N complaints of the tenant.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  lastN?: number;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) @IsOptional() @IsInt() @Min(0) differencesOffset?: number;
  @Field(() => Int, { nullable: true, defaultValue: 100 }) @IsOptional() @IsInt() @Min(0) @Max(1000) differencesLimit?: number;
}

@ObjectType('SimulationOutcome')
export class SimulationOutcomeType {
  @Field() valid!: boolean;
  @Field({ nullable: true }) invalidReason?: string;
  @Field() severity!: string;
  @Field({ nullable: true }) department?: string;
  @Field({ nullable: true }) slaPolicy?: string;
}

@ObjectType('SimulationDifference')
export class SimulationDifferenceType {
  @Field(() => Int) index!: number;
  @Field({ nullable: true }) id?: string;
  @Field({ nullable: true }) number?: string;
  @Field(() => [String], { description: 'validity | severity | department | slaPolicy' }) changed!: string[];
  @Field(() => SimulationOutcomeType) before!: SimulationOutcomeType;
  @Field(() => SimulationOutcomeType) after!: SimulationOutcomeType;
}

@ObjectType('DepartmentLoad')
export class DepartmentLoadType {
  @Field({ description: 'Department key; "(none)" when left to manual dispatch.' }) department!: string;
  @Field(() => Int) before!: number;
  @Field(() => Int) after!: number;
}

@ObjectType('SimulationResult', { description: 'The current version versus the draft over the same complaints.' })
export class SimulationResultType {
  @Field(() => Int) total!: number;
  @Field(() => Int) changedAny!: number;
  @Field(() => Int) validityChanged!: number;
  @Field(() => Int) severityChanged!: number;
  @Field(() => Int) departmentChanged!: number;
  @Field(() => Int) slaPolicyChanged!: number;
  @Field(() => [DepartmentLoadType], { description: 'Valid complaints per department.' }) departmentLoad!: DepartmentLoadType[];
  @Field(() => Int) differencesOffset!: number;
  @Field(() => [SimulationDifferenceType]) differences!: SimulationDifferenceType[];
  @Field(() => Float) elapsedMs!: number;
  @Field(() => Int, { nullable: true, description: 'The current version compared (null when nothing is published yet).' }) baseVersion?:
    number | null;
}

@ObjectType('SimulationJob')
export class SimulationJobType {
  @Field() id!: string;
  @Field({ description: 'running | done | failed' }) status!: string;
  @Field(() => Int) total!: number;
  @Field(() => Int) processed!: number;
  @Field(() => Float, { description: '0…1' }) progress!: number;
  @Field(() => SimulationResultType, { nullable: true }) result?: SimulationResultType | null;
  @Field(() => String, { nullable: true }) error?: string | null;
  @Field() startedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt?: Date | null;
}
