import { Args, Field, ID, InputType, Mutation, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Auth, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { ComplaintService } from './complaint.service';
import { ComplaintFindingsService } from './complaint-findings.service';
import { ComplaintView } from './dtos/complaint.types';

@InputType()
export class FindingInput {
  @Field(() => ID) complaintId!: string;
  @Field({ description: 'A finding code of the complaint’s policy version (findingCodes).' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  code!: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** Thin: roles here (the finding code narrows them further), everything else in ComplaintFindingsService. */
@Resolver()
export class ComplaintFindingsResolver {
  constructor(
    private readonly findings: ComplaintFindingsService,
    private readonly complaints: ComplaintService,
  ) {}

  @Roles(Role.admin, Role.manager, Role.handler, Role.agent, Role.expert)
  @Mutation(() => ComplaintView, {
    description:
      'Records a coded finding after investigation (调查结论); validity and severity are re-decided with it, explained on the timeline.',
  })
  async recordFinding(@Auth() auth: AuthContext, @Args('input') input: FindingInput): Promise<ComplaintView> {
    return this.complaints.toView(auth, await this.findings.record(auth, input.complaintId, input.code, input.note));
  }
}
