import { Args, Field, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Auth, Roles } from '../../../common/auth/decorators';
import { Role } from '../../../common/auth/roles';
import type { AuthContext } from '../../../common/auth/auth-context';
import { RetentionService } from './retention.service';

@ObjectType('RetentionTypeCount')
class RetentionTypeCountType {
  @Field() type!: string;
  @Field(() => String, { nullable: true }) typeName!: string | null;
  @Field(() => Int) retentionMonths!: number;
  @Field({ description: 'Complaints of this type closed at or before this instant are due.' }) closedBefore!: Date;
  @Field(() => Int) complaints!: number;
}

@ObjectType('RetentionReport')
class RetentionReportType {
  @Field() asOf!: Date;
  @Field({ description: 'True: nothing was removed, the counts say what a run would remove.' }) dryRun!: boolean;
  @Field(() => Int, { nullable: true }) policyVersion!: number | null;
  @Field(() => [RetentionTypeCountType], { description: 'Types with complaints due, each with its period.' })
  types!: RetentionTypeCountType[];
  @Field(() => Int) complaints!: number;
  @Field(() => Int, { description: 'Complainants whose every complaint is due: their record goes too.' }) customers!: number;
  @Field(() => Int, { description: 'Export files removed by a run (any may list a purged complaint).' }) exportFiles!: number;
  @Field(() => Int, { description: 'Stored attachment files removed by a run (no remaining complaint names them).' })
  attachmentFiles!: number;
}

@Resolver()
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @Roles(Role.admin)
  @Query(() => RetentionReportType, {
    description: 'Dry run of the retention purge: closed complaints past their type’s retention period, per type.',
  })
  retentionReport(@Auth() auth: AuthContext): Promise<RetentionReportType> {
    return this.retention.report(auth);
  }

  @Roles(Role.admin)
  @Mutation(() => RetentionReportType, {
    description:
      'Purges closed complaints past their type’s retention period and their personal data from every table and export (audited). dryRun (default) only reports.',
  })
  purgeExpiredComplaints(
    @Auth() auth: AuthContext,
    @Args('dryRun', { type: () => Boolean, defaultValue: true }) dryRun: boolean,
  ): Promise<RetentionReportType> {
    return this.retention.run(auth, dryRun);
  }
}
