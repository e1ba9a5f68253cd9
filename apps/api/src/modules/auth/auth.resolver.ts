import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthService } from './auth.service';
import { AssignableUser, AuthPayload, ApiTokenPayload } from './dtos/auth.types';
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { Auth, Public, Roles } from '../../common/auth/decorators';
import { ALL_ROLES, Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { Tenant } from '../tenant/tenant.entity';
import { TenantService } from '../tenant/tenant.service';

@Resolver(() => User)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly tenants: TenantService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sign in. A wrong email or password gives the same UNAUTHENTICATED error.' })
  login(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayload> {
    return this.auth.login(email, password);
  }

  @Roles(...ALL_ROLES)
  @Query(() => User, { description: 'The caller (an API token appears as a user named after the token).' })
  me(@Auth() auth: AuthContext): Promise<User> {
    return this.auth.me(auth);
  }

  @Roles(Role.admin)
  @Query(() => [User], { description: 'Users of the caller’s tenant.' })
  users(@Auth() auth: AuthContext): Promise<User[]> {
    return this.auth.listUsers(auth.tenantId);
  }

  @Roles(Role.admin, Role.manager, Role.handler, Role.agent)
  @Query(() => [AssignableUser], { description: 'Active users a complaint can be assigned to (admins, managers, handlers), for the roles that assign work.' })
  async assignableUsers(@Auth() auth: AuthContext): Promise<AssignableUser[]> {
    return (await this.auth.listAssignable(auth.tenantId)).map(({ id, email, displayName, role, departmentId }) => ({
      id, email, displayName, role, departmentId: departmentId ?? null,
    }));
  }

  @ResolveField(() => Tenant)
  tenant(@Parent() user: User): Promise<Tenant> {
    return this.tenants.get(user.tenantId);
  }

  @Roles(Role.admin)
  @Query(() => [ApiToken])
  apiTokens(@Auth() auth: AuthContext): Promise<ApiToken[]> {
    return this.auth.listApiTokens(auth);
  }

  @Roles(Role.admin)
  @Mutation(() => ApiTokenPayload, { description: 'Creates a long-lived token for an API client. The secret is returned once.' })
  createApiToken(@Auth() auth: AuthContext, @Args('name') name: string, @Args('role', { type: () => Role }) role: Role): Promise<ApiTokenPayload> {
    return this.auth.createApiToken(auth, name, role);
  }

  @Roles(Role.admin)
  @Mutation(() => Boolean)
  revokeApiToken(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.auth.revokeApiToken(auth, id);
  }
}
