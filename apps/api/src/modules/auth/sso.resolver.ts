import { Args, Field, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Auth, ClientAddress, Public, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { TenantService } from '../tenant/tenant.service';
import { AuthPayload } from './dtos/auth.types';
import { SsoService, type SsoSettings } from './sso.service';

@ObjectType('SsoSettings', { description: 'The tenant’s OpenID Connect sign-on. The client secret is never returned.' })
export class SsoSettingsType {
  @Field() enabled!: boolean;
  @Field() issuer!: string;
  @Field() clientId!: string;
  @Field() hasClientSecret!: boolean;
  @Field(() => Role) defaultRole!: Role;
  @Field() autoProvision!: boolean;
  @Field({ description: 'Register this redirect URI at the identity provider.' }) redirectUri!: string;
}

@InputType()
export class SsoSettingsInput {
  @Field() @IsBoolean() enabled!: boolean;
  @Field({ description: 'Issuer URL (https; http only on loopback).' }) @IsString() @MaxLength(500) issuer!: string;
  @Field() @IsString() @MaxLength(200) clientId!: string;
  @Field(() => String, { nullable: true, description: 'Omit to keep the stored secret; empty to remove it.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  clientSecret?: string | null;
  @Field(() => Role) @IsEnum(Role) defaultRole!: Role;
  @Field() @IsBoolean() autoProvision!: boolean;
}

@Resolver()
export class SsoResolver {
  constructor(
    private readonly sso: SsoService,
    private readonly tenants: TenantService,
  ) {}

  private view(settings: SsoSettings | null): SsoSettingsType | null {
    if (!settings) return null;
    const { clientSecret, ...rest } = settings;
    return { ...rest, hasClientSecret: Boolean(clientSecret), redirectUri: this.sso.redirectUri };
  }

  @Roles(Role.admin)
  @Query(() => SsoSettingsType, { nullable: true })
  async ssoSettings(@Auth() auth: AuthContext): Promise<SsoSettingsType | null> {
    return this.view(this.sso.settingsOf(await this.tenants.get(auth.tenantId)));
  }

  @Roles(Role.admin)
  @Mutation(() => SsoSettingsType)
  async updateSsoSettings(@Auth() auth: AuthContext, @Args('input') input: SsoSettingsInput): Promise<SsoSettingsType> {
    return this.view(await this.sso.updateSettings(auth, input))!;
  }

  @Public()
  @Query(() => Boolean, { description: 'Whether the tenant (by slug) offers single sign-on, for the sign-in page.' })
  ssoAvailable(@Args('tenant') slug: string): Promise<boolean> {
    return this.sso.available(slug);
  }

  @Public()
  @Mutation(() => String, { description: 'Starts an OpenID Connect sign-on; returns the identity provider URL to open.' })
  beginSsoLogin(@Args('tenant', { description: 'Tenant slug.' }) slug: string): Promise<string> {
    return this.sso.begin(slug);
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Finishes a sign-on with the URL the provider redirected to (…/sso/callback?code=…&state=…).',
  })
  completeSsoLogin(@Args('callbackUrl') callbackUrl: string, @ClientAddress() ip?: string): Promise<AuthPayload> {
    return this.sso.complete(callbackUrl, ip);
  }
}
