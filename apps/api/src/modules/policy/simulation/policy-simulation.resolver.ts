import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Auth, Roles } from '../../../common/auth/decorators';
import { Role } from '../../../common/auth/roles';
import type { AuthContext } from '../../../common/auth/auth-context';
import { SimulationJobType, SimulationSampleInput } from '../dtos/policy-results.types';
import { PolicySimulationService } from './policy-simulation.service';
import { POLICY_READERS } from '../policy-draft.resolver';

@Resolver()
export class PolicySimulationResolver {
  constructor(private readonly simulations: PolicySimulationService) {}

  @Roles(Role.admin, Role.manager, Role.analyst)
  @Mutation(() => SimulationJobType, {
    description:
      'Decides sample complaints under the current version and the draft. Up to 2,000 complaints the job is done on return; more run in the background (poll simulationJob).',
  })
  simulatePolicy(@Auth() auth: AuthContext, @Args('sample') sample: SimulationSampleInput): Promise<SimulationJobType> {
    return this.simulations.start(auth.tenantId, sample);
  }

  @Roles(...POLICY_READERS)
  @Query(() => SimulationJobType)
  simulationJob(@Auth() auth: AuthContext, @Args('id') id: string): SimulationJobType {
    return this.simulations.get(auth.tenantId, id);
  }
}
