import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import * as oidc from 'openid-client';
import { User } from './user.entity';
import { OidcLogin } from './oidc-login.entity';
import { AuthErrors } from './auth.exception';
import type { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/roles';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { PersonalDataCipher } from '../../common/crypto/personal-data';
import { AuditService } from '../audit/audit.service';
import { TenantService } from '../tenant/tenant.service';
import type { Tenant } from '../tenant/tenant.entity';
import { AuthService, normalizeEmail, type Session } from './auth.service';

/** A tenant's OpenID Connect settings, kept in tenant.settings.sso (the client secret encrypted). */
export interface SsoSettings {
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecret?: string | null;
  /** Role of people provisioned on their first sign-on. */
  defaultRole: Role;
  /** Create unknown people (matched by e-mail) with the default role; otherwise only existing users sign on. */
  autoProvision: boolean;
}

const LOGIN_TTL_MS = 10 * 60_000;
const DISCOVERY_TTL_MS = 10 * 60_000;
const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * OpenID Connect sign-on per tenant with openid-client: authorization code flow with PKCE, state and nonce. The
 * state row lives in the database, so the instance that gets the callback need not be the one that started it.
 * Issuer, audience and nonce are checked by openid-client; each failure maps to its own coded error.
 */
@Injectable()
export class SsoService {
  private readonly discovered = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(OidcLogin) private readonly logins: Repository<OidcLogin>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly tenants: TenantService,
    private readonly auth: AuthService,
  ) {}

  get redirectUri(): string {
    return `${this.config.publicUrl}/sso/callback`;
  }

  settingsOf(tenant: Tenant): SsoSettings | null {
    return (tenant.settings.sso as SsoSettings | undefined) ?? null;
  }

  async updateSettings(
    auth: AuthContext,
    input: Omit<SsoSettings, 'clientSecret'> & { clientSecret?: string | null },
  ): Promise<SsoSettings> {
    let issuer: URL;
    try {
      issuer = new URL(input.issuer);
    } catch {
      throw AuthErrors.create('SSO_SETTINGS_INVALID', { field: 'issuer', params: { detail: 'issuer must be a URL' } });
    }
    if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopback(issuer))) {
      throw AuthErrors.create('SSO_SETTINGS_INVALID', { field: 'issuer', params: { detail: 'issuer must use https' } });
    }
    if (!input.clientId.trim())
      throw AuthErrors.create('SSO_SETTINGS_INVALID', { field: 'clientId', params: { detail: 'clientId is required' } });
    if (input.defaultRole === Role.admin || input.defaultRole === Role.api_client) {
      throw AuthErrors.create('SSO_SETTINGS_INVALID', {
        field: 'defaultRole',
        params: { detail: 'the default role may not be admin or api_client' },
      });
    }
    const tenant = await this.tenants.get(auth.tenantId);
    const previous = this.settingsOf(tenant);
    const clientSecret =
      input.clientSecret === undefined ? (previous?.clientSecret ?? null) : this.cipher.encrypt(input.clientSecret || null);
    const next: SsoSettings = {
      enabled: input.enabled,
      issuer: input.issuer.trim(),
      clientId: input.clientId.trim(),
      clientSecret,
      defaultRole: input.defaultRole,
      autoProvision: input.autoProvision,
    };
    await this.tenants.updateSettings(auth.tenantId, { sso: next });
    const hide = (s: SsoSettings | null) => (s ? { ...s, clientSecret: s.clientSecret ? '(set)' : null } : null);
    await this.audit.record(auth, 'update_sso', 'tenant', auth.tenantId, hide(previous), hide(next));
    return next;
  }

  private async enabledSettings(slug: string): Promise<{ tenant: Tenant; settings: SsoSettings }> {
    const tenant = await this.tenants.findBySlug(slug.trim());
    const settings = tenant ? this.settingsOf(tenant) : null;
    if (!tenant || !settings?.enabled) throw AuthErrors.create('SSO_NOT_CONFIGURED', { field: 'tenant' });
    return { tenant, settings };
  }

  async available(slug: string): Promise<boolean> {
    const tenant = await this.tenants.findBySlug(slug.trim());
    return Boolean(tenant && this.settingsOf(tenant)?.enabled);
  }

  private configuration(settings: SsoSettings): Promise<oidc.Configuration> {
    const key = `${settings.issuer}|${settings.clientId}|${settings.clientSecret ?? ''}`;
    const cached = this.discovered.get(key);
    if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.config;
    const issuer = new URL(settings.issuer);
    const secret = this.cipher.decrypt(settings.clientSecret ?? null) ?? undefined;
    const config = oidc
      .discovery(issuer, settings.clientId, secret, undefined, {
        // Plain http only for a provider on this machine (development and tests).
        ...(issuer.protocol === 'http:' && isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .catch((error) => {
        this.discovered.delete(key);
        throw mapOidcError(error);
      });
    this.discovered.set(key, { at: Date.now(), config });
    return config;
  }

  /** Starts a sign-on: returns the provider URL to send the browser to. */
  async begin(slug: string): Promise<string> {
    const { tenant, settings } = await this.enabledSettings(slug);
    const config = await this.configuration(settings);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const now = this.clock.now();
    await this.logins.insert({
      state,
      tenantId: tenant.id,
      nonce,
      codeVerifier,
      expiresAt: new Date(now.getTime() + LOGIN_TTL_MS),
      usedAt: null,
      createdAt: now,
    });
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    }).href;
  }

  /** Finishes a sign-on from the callback URL the provider redirected the browser to. */
  async complete(callbackUrl: string, ip?: string): Promise<Session> {
    let url: URL;
    try {
      url = new URL(callbackUrl);
    } catch {
      throw AuthErrors.create('SSO_STATE_INVALID', { field: 'callbackUrl' });
    }
    const state = url.searchParams.get('state') ?? '';
    const now = this.clock.now();
    const login = state ? await this.logins.findOne({ where: { state } }) : null;
    if (!login || login.usedAt || login.expiresAt.getTime() <= now.getTime())
      throw AuthErrors.create('SSO_STATE_INVALID', { field: 'callbackUrl' });
    // Spent before the exchange: a replayed callback fails even if the provider would accept the code twice.
    const spent = await this.logins.update({ state, usedAt: IsNull() }, { usedAt: now });
    if (!spent.affected) throw AuthErrors.create('SSO_STATE_INVALID', { field: 'callbackUrl' });
    const tenant = await this.tenants.get(login.tenantId);
    const settings = this.settingsOf(tenant);
    if (!settings?.enabled) throw AuthErrors.create('SSO_NOT_CONFIGURED');
    const config = await this.configuration(settings);
    // The callback arrives at the console; the provider was told the same redirect URI.
    const current = new URL(this.redirectUri);
    current.search = url.search;
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: login.codeVerifier,
        expectedNonce: login.nonce,
        expectedState: state,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      // Providers that keep the ID token small (oidc-provider's default) give the e-mail at the UserInfo endpoint.
      if (claims && typeof claims.email !== 'string') {
        claims = { ...claims, ...(await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub))) };
      }
    } catch (error) {
      const mapped = mapOidcError(error);
      await this.audit.record({ tenantId: tenant.id, role: 'anonymous', ip }, 'sign_in_failed', 'sso', settings.issuer, null, {
        reason: mapped.reason,
      });
      throw mapped;
    }
    const email = typeof claims?.email === 'string' ? normalizeEmail(claims.email) : '';
    if (!email || claims?.email_verified === false) throw AuthErrors.create('SSO_EMAIL_MISSING');
    const user = await this.matchOrProvision(tenant, settings, email, typeof claims?.name === 'string' ? claims.name : email, ip);
    if (!user.active) throw AuthErrors.create('ACCOUNT_DEACTIVATED');
    await this.users.update({ id: user.id }, { lastLoginAt: now });
    await this.audit.record({ tenantId: tenant.id, role: user.role, userId: user.id, ip }, 'sign_in', 'user', user.id, null, {
      email,
      method: 'oidc',
      issuer: settings.issuer,
    });
    return this.auth.issueSession(user);
  }

  private async matchOrProvision(tenant: Tenant, settings: SsoSettings, email: string, name: string, ip?: string): Promise<User> {
    // Tenants are matched by the state, people by e-mail within it: a membership of another tenant never signs in here
    // (with auto-provisioning the person gets a membership of this tenant of their own).
    const existing = await this.users.findOne({ where: { email, tenantId: tenant.id } });
    if (existing) return existing;
    if (!settings.autoProvision) throw AuthErrors.create('SSO_USER_UNKNOWN');
    return this.users.manager.transaction(async (manager) => {
      const user = await manager.getRepository(User).save(
        manager.getRepository(User).create({
          id: newId(),
          tenantId: tenant.id,
          email,
          passwordHash: '',
          displayName: name.slice(0, 200),
          role: settings.defaultRole,
          teams: [],
          departmentId: null,
          active: true,
          authVersion: 0,
        }),
      );
      await this.audit.record(
        { tenantId: tenant.id, role: 'sso', ip },
        'provision',
        'user',
        user.id,
        null,
        {
          email,
          role: user.role,
          issuer: settings.issuer,
        },
        manager,
      );
      return user;
    });
  }
}

/** openid-client / oauth4webapi failures → our coded errors (issuer, audience and nonce each their own). */
export function mapOidcError(error: unknown) {
  type Failure = { message?: string; error?: string; error_description?: string; claim?: string; attribute?: string; cause?: Failure };
  // openid-client wraps oauth4webapi's error, whose cause names the compared claim (iss/aud/nonce) or attribute (issuer).
  let what: string | undefined;
  for (let e = error as Failure | undefined, depth = 0; e && depth < 4 && !what; e = e.cause, depth += 1) what = e.claim ?? e.attribute;
  if (what === 'iss' || what === 'issuer') return AuthErrors.create('SSO_ISSUER_MISMATCH');
  if (what === 'aud' || what === 'azp') return AuthErrors.create('SSO_AUDIENCE_MISMATCH');
  if (what === 'nonce') return AuthErrors.create('SSO_NONCE_MISMATCH');
  const e = error as Failure;
  const detail = e.error_description ?? e.error ?? e.message ?? 'unknown';
  return AuthErrors.create('SSO_PROVIDER_ERROR', { params: { detail: String(detail).slice(0, 200) } });
}
