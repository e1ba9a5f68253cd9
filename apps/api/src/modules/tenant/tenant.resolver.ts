import { Query, Resolver } from '@nestjs/graphql';
import { Tenant } from './tenant.entity';
import { TenantService } from './tenant.service';
import { Auth, Roles } from '../../common/auth/decorators';
import { ALL_ROLES } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';

@Resolver(() => Tenant)
export class TenantResolver {
  constructor(private readonly tenants: TenantService) {}

  @Roles(...ALL_ROLES)
  @Query(() => Tenant, { description: 'The caller’s tenant.' })
  currentTenant(@Auth() auth: AuthContext): Promise<Tenant> {
    return this.tenants.get(auth.tenantId);
  }
}
