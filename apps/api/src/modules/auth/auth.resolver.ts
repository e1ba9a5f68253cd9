import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthService } from './auth.service';
import { UserAdminService } from './user-admin.service';
import { SecondFactorService, SECOND_FACTOR_ROLES } from './second-factor.service';
import {
  AccessLinkPayload,
  AssignableUser,
  PlatformAuditEntry,
  TenantChoice,
  AuthPayload,
  SecondFactorSetup,
  ApiTokenPayload,
  CreateTenantInput,
  CreateUserInput,
  InviteUserInput,
  TenantSetupPayload,
  UpdateUserInput,
  UserFilterInput,
} from './dtos/auth.types';
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { Auth, ClientAddress, PlatformOperator, Public, Roles } from '../../common/auth/decorators';
import { ALL_ROLES, Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { Tenant } from '../tenant/tenant.entity';
import { TenantService } from '../tenant/tenant.service';

/** Everyone who signs in with a password (API tokens have no password). */
const SIGNED_IN = ALL_ROLES.filter((role) => role !== Role.api_client);

@Resolver(() => User)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly staff: UserAdminService,
    private readonly tenants: TenantService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Sign in. A wrong email or password gives the same UNAUTHENTICATED error; repeated failures TOO_MANY_ATTEMPTS.',
  })
  login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Args('code', { nullable: true, description: 'TOTP or recovery code, for users with the second factor on.' }) code?: string,
    @Args('tenant', {
      nullable: true,
      description: 'Slug of the tenant to sign in to; needed when the e-mail is a member of several (TENANT_CHOICE_REQUIRED lists them).',
    })
    tenant?: string,
    @ClientAddress() ip?: string,
  ): Promise<AuthPayload> {
    return this.auth.login(email, password, ip, code, tenant);
  }

  @Roles(...SIGNED_IN)
  @Query(() => [TenantChoice], {
    description: 'The caller’s tenant and the other tenants the sign-in opened (same e-mail and password), to switch between.',
  })
  myTenants(@Auth() auth: AuthContext): Promise<TenantChoice[]> {
    return this.auth.myTenants(auth);
  }

  @Roles(...SIGNED_IN)
  @Mutation(() => AuthPayload, {
    description: 'A session in another of the caller’s tenants (from myTenants); that membership’s second factor applies.',
  })
  switchTenant(
    @Auth() auth: AuthContext,
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('code', { nullable: true }) code?: string,
    @ClientAddress() ip?: string,
  ): Promise<AuthPayload> {
    return this.auth.switchTenant(auth, tenantId, code, ip);
  }

  @PlatformOperator()
  @Query(() => [PlatformAuditEntry], {
    description: 'Platform operator only: sign-in failures and lockouts that concerned no tenant’s member, newest first.',
  })
  platformAuditLog(
    @Args('action', { nullable: true }) action?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 100 }) first?: number,
  ): Promise<PlatformAuditEntry[]> {
    return this.auth.platformAuditLog(action, first ?? 100);
  }

  @Roles(...SECOND_FACTOR_ROLES)
  @Mutation(() => SecondFactorSetup, { description: 'Starts turning on the TOTP second factor (admins and managers).' })
  beginSecondFactorSetup(@Auth() auth: AuthContext): Promise<SecondFactorSetup> {
    return this.secondFactor.begin(auth);
  }

  @Roles(...SECOND_FACTOR_ROLES)
  @Mutation(() => [String], {
    description: 'Confirms the second factor with a first code; returns 10 single-use recovery codes, shown once.',
  })
  confirmSecondFactor(@Auth() auth: AuthContext, @Args('code') code: string): Promise<string[]> {
    return this.secondFactor.confirm(auth, code);
  }

  @Roles(...SECOND_FACTOR_ROLES)
  @Mutation(() => Boolean, { description: 'Turns one’s own second factor off (needs the password).' })
  disableSecondFactor(@Auth() auth: AuthContext, @Args('password') password: string): Promise<boolean> {
    return this.secondFactor.disable(auth, { password });
  }

  @Roles(Role.admin)
  @Mutation(() => Boolean, { description: 'Turns a user’s second factor off (lost device and recovery codes).' })
  resetUserSecondFactor(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.secondFactor.disable(auth, { userId: id });
  }

  @Public()
  @Mutation(() => AuthPayload, { description: 'Sets the password from an invitation link and signs in. The link works once.' })
  acceptInvitation(@Args('token') token: string, @Args('password') password: string, @ClientAddress() ip?: string): Promise<AuthPayload> {
    return this.staff.setPasswordWithLink(token, password, 'invitation', ip);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Sets a new password from a reset link and signs in. The link works once; other sessions end.',
  })
  resetPassword(@Args('token') token: string, @Args('password') password: string, @ClientAddress() ip?: string): Promise<AuthPayload> {
    return this.staff.setPasswordWithLink(token, password, 'password_reset', ip);
  }

  @Roles(...SIGNED_IN)
  @Mutation(() => AuthPayload, {
    description: 'Changes the caller’s password. Other sessions end; the returned token replaces the current one.',
  })
  changePassword(
    @Auth() auth: AuthContext,
    @Args('currentPassword') current: string,
    @Args('newPassword') next: string,
  ): Promise<AuthPayload> {
    return this.auth.changePassword(auth, current, next);
  }

  @Roles(...ALL_ROLES)
  @Query(() => User, { description: 'The caller (an API token appears as a user named after the token).' })
  me(@Auth() auth: AuthContext): Promise<User> {
    return this.auth.me(auth);
  }

  @Roles(Role.admin)
  @Query(() => [User], { description: 'Users of the caller’s tenant, optionally filtered.' })
  users(
    @Auth() auth: AuthContext,
    @Args('filter', { type: () => UserFilterInput, nullable: true }) filter?: UserFilterInput,
  ): Promise<User[]> {
    return this.staff.list(auth.tenantId, filter ?? {});
  }

  @Roles(Role.admin)
  @Query(() => User)
  user(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<User> {
    return this.staff.get(auth.tenantId, id);
  }

  @Roles(Role.admin)
  @Mutation(() => User, { description: 'Creates a user with a password the admin chose (password policy applies).' })
  createUser(@Auth() auth: AuthContext, @Args('input') input: CreateUserInput): Promise<User> {
    return this.staff.create(auth, input);
  }

  @Roles(Role.admin)
  @Mutation(() => AccessLinkPayload, {
    description: 'Invites a person by e-mail with a single-use link; the link is returned when no mail is configured.',
  })
  inviteUser(@Auth() auth: AuthContext, @Args('input') input: InviteUserInput): Promise<AccessLinkPayload> {
    return this.staff.invite(auth, input);
  }

  @Roles(Role.admin)
  @Mutation(() => User, { description: 'Changes name, role, teams or department. The last active admin keeps the admin role.' })
  updateUser(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateUserInput): Promise<User> {
    return this.staff.update(auth, id, input);
  }

  @Roles(Role.admin)
  @Mutation(() => User, { description: 'Deactivates a user: their sessions and API tokens are refused at once on every instance.' })
  deactivateUser(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<User> {
    return this.staff.setActive(auth, id, false);
  }

  @Roles(Role.admin)
  @Mutation(() => User, { description: 'Reactivates a user; sessions from before the deactivation stay ended.' })
  reactivateUser(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<User> {
    return this.staff.setActive(auth, id, true);
  }

  @Roles(Role.admin)
  @Mutation(() => AccessLinkPayload, {
    description: 'Issues a single-use password-reset link (an invitation again for someone who never set one).',
  })
  requestPasswordReset(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<AccessLinkPayload> {
    return this.staff.requestPasswordReset(auth, id);
  }

  @PlatformOperator()
  @Mutation(() => TenantSetupPayload, {
    description: 'Platform operator only (REDRESS_PLATFORM_TOKEN): creates a tenant and its first admin; returns the one-time setup link.',
  })
  async createTenant(@Args('input') input: CreateTenantInput, @ClientAddress() ip?: string): Promise<TenantSetupPayload> {
    const created = await this.staff.createTenant(input, ip);
    return { tenant: created.tenant, adminUserId: created.admin.id, setupLink: created.link.url, expiresAt: created.link.expiresAt };
  }

  @Roles(Role.admin, Role.manager, Role.handler, Role.agent)
  @Query(() => [AssignableUser], {
    description: 'Active users a complaint can be assigned to (admins, managers, handlers), for the roles that assign work.',
  })
  async assignableUsers(@Auth() auth: AuthContext): Promise<AssignableUser[]> {
    return (await this.auth.listAssignable(auth.tenantId)).map(({ id, email, displayName, role, departmentId }) => ({
      id,
      email,
      displayName,
      role,
      departmentId: departmentId ?? null,
    }));
  }

  @ResolveField(() => Tenant)
  tenant(@Parent() user: User): Promise<Tenant> {
    return this.tenants.get(user.tenantId);
  }

  @ResolveField(() => [String], { description: 'Team keys of the tenant policy.' })
  teams(@Parent() user: User): string[] {
    return user.teams ?? [];
  }

  @ResolveField(() => Boolean, { description: 'Invited but has not set a password yet.' })
  invitationPending(@Parent() user: User): boolean {
    return user.passwordHash === '';
  }

  @Roles(Role.admin, Role.manager)
  @Query(() => [ApiToken], { description: 'API tokens: all of the tenant for an admin, a manager’s own for a manager.' })
  apiTokens(@Auth() auth: AuthContext): Promise<ApiToken[]> {
    return this.auth.listApiTokens(auth);
  }

  @Roles(Role.admin, Role.manager)
  @Mutation(() => ApiTokenPayload, {
    description: 'Creates a long-lived token for an API client, never above the creator’s role. The secret is returned once.',
  })
  createApiToken(
    @Auth() auth: AuthContext,
    @Args('name') name: string,
    @Args('role', { type: () => Role }) role: Role,
    @Args('expiresAt', { type: () => Date, nullable: true }) expiresAt?: Date | null,
  ): Promise<ApiTokenPayload> {
    return this.auth.createApiToken(auth, name, role, expiresAt);
  }

  @Roles(Role.admin, Role.manager)
  @Mutation(() => Boolean)
  revokeApiToken(@Auth() auth: AuthContext, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.auth.revokeApiToken(auth, id);
  }
}
