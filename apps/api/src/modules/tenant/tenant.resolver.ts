import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DEFAULT_NUMBER_PATTERN } from '../complaint/numbering';
import { Tenant } from './tenant.entity';
import { TenantService } from './tenant.service';
import { Auth, Roles } from '../../common/auth/decorators';
import { ALL_ROLES, Role } from '../../common/auth/roles';
import { TenantSettingsInput } from '../auth/dtos/auth.types';
import type { AuthContext } from '../../common/auth/auth-context';

@Resolver(() => Tenant)
export class TenantResolver {
  constructor(private readonly tenants: TenantService) {}

  @Roles(...ALL_ROLES)
  @Query(() => Tenant, { description: 'The caller’s tenant.' })
  currentTenant(@Auth() auth: AuthContext): Promise<Tenant> {
    return this.tenants.get(auth.tenantId);
  }

  @Roles(Role.admin)
  @Mutation(() => Tenant, { description: 'Tenant settings: name, time zone, locale, complaint number pattern.' })
  updateTenant(@Auth() auth: AuthContext, @Args('input') input: TenantSettingsInput): Promise<Tenant> {
    return this.tenants.updateTenant(auth, input);
  }

  @ResolveField(() => String, { description: 'Complaint number pattern; tokens {YY} {MM} {YYYY} {SEQ:n}.' })
  numberPattern(@Parent() tenant: Tenant): string {
    return tenant.settings?.numberPattern ?? DEFAULT_NUMBER_PATTERN;
  }
}
