import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { createHash, createSecretKey, type KeyObject, randomBytes, timingSafeEqual } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { hashPassword, verifyPassword } from './passwords';
import { SecondFactorService } from './second-factor.service';
import { User } from './user.entity';
import { CredentialCache } from './credential-cache';
import { ApiToken } from './api-token.entity';
import { CommonErrors } from '../../common/errors/app-error';
import { AuthErrors } from './auth.exception';
import type { AuthContext } from '../../common/auth/auth-context';
import { Role, roleRank } from '../../common/auth/roles';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { AuditService, timeOrderedId } from '../audit/audit.service';
import { TenantService } from '../tenant/tenant.service';
import { PlatformAuditLog } from './platform-audit-log.entity';
import { SignInThrottleService, SIGN_IN_LIMITS, tooManyAttempts } from './sign-in-throttle.service';
import { checkPasswordPolicy } from './password-policy';
import { MAX_PAGE_SIZE } from '../../common/page-size.pipe';

/** Roles a complaint may be assigned to. */
export const ASSIGNABLE_ROLES = [Role.admin, Role.manager, Role.handler];

const TOKEN_PREFIX = 'rdt_';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** lastUsedAt is written at most this often per token: a write per request would double the load of API clients. */
const LAST_USED_RESOLUTION_MS = 60_000;

interface JwtClaims {
  sub: string;
  tid: string;
  role: Role;
  email: string;
  /** The user's authVersion when the token was issued. */
  ver?: number;
  /** Other memberships (same e-mail) the sign-in's password opened, with their authVersion then: switchTenant's proof. */
  alt?: { sub: string; tid: string; ver: number }[];
  /** Expiry (seconds since the epoch), set by jsonwebtoken from `expiresIn`. */
  exp?: number;
}

/** A tenant one may sign in to or switch to. */
export interface TenantChoice {
  tenantId: string;
  slug: string;
  name: string;
  role: Role;
}

/** More memberships per e-mail than anyone plausibly holds; bounds the password checks of one sign-in. */
const MAX_MEMBERSHIPS = 20;

export interface Session {
  token: string;
  user: User;
  expiresAt: Date;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Verified JWTs kept per process (a few MB at most); past this the map starts over. */
const VERIFIED_TOKENS = 10_000;

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottleService,
    private readonly audit: AuditService,
    private readonly secondFactor: SecondFactorService,
    private readonly tenants: TenantService,
    @InjectRepository(PlatformAuditLog) private readonly platformAudit: Repository<PlatformAuditLog>,
    private readonly credentials: CredentialCache,
  ) {}

  static hashPassword = hashPassword;
  static verifyPassword = verifyPassword;

  /** Creates a user without the password policy: seeders and tests (the demo's `demo1234`). The API uses UserAdminService. */
  async createUser(input: {
    tenantId: string;
    email: string;
    password: string;
    displayName: string;
    role: Role;
    departmentId?: string | null;
  }): Promise<User> {
    if (input.password.length < 8) throw AuthErrors.create('WEAK_PASSWORD', { field: 'password' });
    const email = normalizeEmail(input.email);
    if (await this.users.exists({ where: { email, tenantId: input.tenantId } })) throw AuthErrors.create('USER_EXISTS', { field: 'email' });
    const user = this.users.create({
      id: newId(),
      tenantId: input.tenantId,
      email,
      passwordHash: await AuthService.hashPassword(input.password),
      displayName: input.displayName,
      role: input.role,
      departmentId: input.departmentId ?? null,
      active: true,
      teams: [],
      authVersion: 0,
    });
    return this.users.save(user);
  }

  /**
   * Same error and similar cost whether the email or the password was wrong. Failures count per account (e-mail) and
   * per client address in the database (all instances); a locked key answers TOO_MANY_ATTEMPTS with retryAfterSeconds.
   *
   * One e-mail may be a member of several tenants (a row each). The password is checked against every membership;
   * `tenantSlug` narrows the sign-in to one tenant. When the password opens more than one active membership and no
   * tenant was named, TENANT_CHOICE_REQUIRED lists them (only after the password was proven, so it reveals nothing to
   * a guesser). The session is for one membership; the others the same password opened can be switched to.
   */
  async login(emailInput: string, password: string, ip?: string, code?: string | null, tenantSlug?: string | null): Promise<Session> {
    const email = normalizeEmail(emailInput);
    const keys = { email, ip };
    await this.throttle.assertAllowed(keys);
    const memberships = await this.users.find({ where: { email }, order: { createdAt: 'ASC', id: 'ASC' }, take: MAX_MEMBERSHIPS });
    const tenant = tenantSlug?.trim() ? await this.tenants.findBySlug(tenantSlug.trim()) : null;
    const inScope = tenantSlug?.trim() ? memberships.filter((m) => m.tenantId === tenant?.id) : memberships;
    // Every membership's password is checked (an unknown e-mail costs one dummy check): the alternatives are known too.
    const opened: User[] = [];
    for (const membership of memberships) if (await AuthService.verifyPassword(membership.passwordHash, password)) opened.push(membership);
    if (!memberships.length) await AuthService.verifyPassword('', password);
    const openedInScope = opened.filter((m) => inScope.includes(m));
    const active = openedInScope.filter((m) => m.active);
    if (active.length > 1) {
      throw AuthErrors.create('TENANT_CHOICE_REQUIRED', { field: 'tenant', details: { tenants: await this.tenantChoices(active) } });
    }
    const user = active[0];
    // The second factor is asked for only after a right password; a wrong code counts as a failed sign-in.
    if (user?.totpEnabled && !code) throw AuthErrors.create('SECOND_FACTOR_REQUIRED', { field: 'code' });
    const secondOk = !user?.totpEnabled || (await this.secondFactor.accept(user, code!));
    if (!user || !secondOk) {
      const reason = user ? 'second_factor' : openedInScope.length ? 'deactivated' : inScope.length ? 'password' : 'unknown_account';
      const concerned = user ? [user] : openedInScope.length ? openedInScope : inScope;
      const locked = await this.throttle.recordFailure(keys);
      await this.auditFailedSignIn({ email, reason, ip, locked, concerned, tenantId: tenant?.id });
      if (locked.length) throw tooManyAttempts(Math.max(...locked.map((scope) => SIGN_IN_LIMITS[scope].lockMs)));
      if (reason === 'deactivated') throw AuthErrors.create('ACCOUNT_DEACTIVATED');
      if (reason === 'second_factor') throw AuthErrors.create('SECOND_FACTOR_INVALID', { field: 'code' });
      throw CommonErrors.create('INVALID_CREDENTIALS');
    }
    await this.throttle.recordSuccess(email);
    await this.users.update({ id: user.id }, { lastLoginAt: this.clock.now() });
    await this.audit.record({ tenantId: user.tenantId, role: user.role, userId: user.id, ip }, 'sign_in', 'user', user.id, null, { email });
    return this.issueSession(
      user,
      opened.filter((m) => m.active && m.id !== user.id),
    );
  }

  /**
   * A failed sign-in (and a lockout it caused) goes into the log of every tenant whose member it concerned; one that
   * concerned no member goes into the named tenant's log, or, when no tenant was named, the platform's. The response
   * is the same in every case: the log is for the administrators, not for the caller.
   */
  private async auditFailedSignIn(failure: {
    email: string;
    reason: string;
    ip?: string;
    locked: string[];
    concerned: User[];
    tenantId?: string;
  }): Promise<void> {
    const { email, reason, ip, locked, concerned } = failure;
    const entries: [string, Record<string, unknown>][] = [['sign_in_failed', { email, reason }]];
    if (locked.length) entries.push(['lockout', { email, scopes: locked }]);
    const targets = concerned.length
      ? concerned.map((m) => ({ tenantId: m.tenantId, key: m.id }))
      : failure.tenantId
        ? [{ tenantId: failure.tenantId, key: null }]
        : [];
    for (const [action, after] of entries) {
      for (const target of targets)
        await this.audit.record({ tenantId: target.tenantId, role: 'anonymous', ip }, action, 'user', target.key, null, after);
      if (!targets.length) {
        await this.platformAudit.insert({
          id: timeOrderedId(),
          action,
          entity: 'user',
          entityKey: null,
          after,
          ip: ip ?? null,
          createdAt: this.clock.now(),
        });
      }
    }
  }

  private async tenantChoices(memberships: User[]): Promise<TenantChoice[]> {
    const choices: TenantChoice[] = [];
    for (const membership of memberships) {
      const tenant = await this.tenants.get(membership.tenantId);
      choices.push({ tenantId: tenant.id, slug: tenant.slug, name: tenant.name, role: membership.role });
    }
    return choices;
  }

  /**
   * The tenants the caller may switch to without signing in again: the current one and the memberships the same
   * password opened at sign-in, while each is still active and unchanged since (a password change or deactivation
   * there ends the shortcut).
   */
  async myTenants(auth: AuthContext): Promise<(TenantChoice & { current: boolean })[]> {
    if (!auth.userId) return [];
    const current = await this.users.findOneOrFail({ where: { id: auth.userId, tenantId: auth.tenantId } });
    const others = await this.switchableMemberships(auth);
    return [
      ...(await this.tenantChoices([current])).map((choice) => ({ ...choice, current: true })),
      ...(await this.tenantChoices(others)).map((choice) => ({ ...choice, current: false })),
    ];
  }

  private async switchableMemberships(auth: AuthContext): Promise<User[]> {
    const alternatives = auth.otherMemberships ?? [];
    if (!alternatives.length) return [];
    const rows = await this.users.find({ where: { id: In(alternatives.map((a) => a.userId)) } });
    return alternatives.flatMap((alt) => {
      const row = rows.find((r) => r.id === alt.userId && r.tenantId === alt.tenantId);
      return row && row.active && row.authVersion === alt.version && row.email === auth.email ? [row] : [];
    });
  }

  /** Moves the caller's session to another tenant the sign-in's password opened; that membership's second factor applies. */
  async switchTenant(auth: AuthContext, tenantId: string, code?: string | null, ip?: string): Promise<Session> {
    if (!auth.userId) throw AuthErrors.create('TOKEN_NEEDS_USER');
    const current = await this.users.findOneOrFail({ where: { id: auth.userId, tenantId: auth.tenantId } });
    if (tenantId === current.tenantId) return this.issueSession(current, await this.switchableMemberships(auth));
    const switchable = await this.switchableMemberships(auth);
    const target = switchable.find((m) => m.tenantId === tenantId);
    if (!target) throw AuthErrors.create('TENANT_NOT_SWITCHABLE', { field: 'tenantId' });
    if (target.totpEnabled && !code) throw AuthErrors.create('SECOND_FACTOR_REQUIRED', { field: 'code' });
    if (target.totpEnabled && !(await this.secondFactor.accept(target, code!))) {
      await this.audit.record({ tenantId: target.tenantId, role: 'anonymous', ip }, 'sign_in_failed', 'user', target.id, null, {
        email: target.email,
        reason: 'second_factor',
        via: 'tenant_switch',
      });
      throw AuthErrors.create('SECOND_FACTOR_INVALID', { field: 'code' });
    }
    await this.users.update({ id: target.id }, { lastLoginAt: this.clock.now() });
    await this.audit.record({ tenantId: target.tenantId, role: target.role, userId: target.id, ip }, 'sign_in', 'user', target.id, null, {
      email: target.email,
      via: 'tenant_switch',
      fromTenantId: current.tenantId,
    });
    return this.issueSession(target, [current, ...switchable.filter((m) => m.id !== target.id)]);
  }

  /** The platform's audit log, newest first (at most MAX_PAGE_SIZE entries). */
  platformAuditLog(action: string | undefined, first: number): Promise<PlatformAuditLog[]> {
    return this.platformAudit.find({
      where: action ? { action } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      take: Math.max(1, Math.min(first, MAX_PAGE_SIZE)),
    });
  }

  /** A JWT bound to the user's current authVersion, naming the other memberships the sign-in opened. */
  issueSession(user: User, others: User[] = []): Session {
    const claims: JwtClaims = {
      sub: user.id,
      tid: user.tenantId,
      role: user.role,
      email: user.email,
      ver: user.authVersion ?? 0,
      ...(others.length ? { alt: others.map((m) => ({ sub: m.id, tid: m.tenantId, ver: m.authVersion ?? 0 })) } : {}),
    };
    const token = jwt.sign(claims, this.signingKey(), { algorithm: 'HS256', expiresIn: this.config.jwtTtlSeconds });
    return { token, user, expiresAt: new Date(this.clock.now().getTime() + this.config.jwtTtlSeconds * 1000) };
  }

  /**
   * The JWT secret as a key object, made once: given the string, jsonwebtoken first tries to parse it as a PEM public
   * key on every call and builds the secret key from the exception — most of a request's CPU for `me`. Same bytes
   * (UTF-8 of the string), so tokens signed either way verify either way.
   */
  private signingKey(): KeyObject {
    if (this.jwtKey?.secret !== this.config.jwtSecret)
      this.jwtKey = { secret: this.config.jwtSecret, key: createSecretKey(Buffer.from(this.config.jwtSecret, 'utf8')) };
    return this.jwtKey.key;
  }
  private jwtKey?: { secret: string; key: KeyObject };

  /**
   * The claims of a JWT whose signature this process has checked: a token string is immutable, so its signature is
   * checked once and the claims kept (bounded) until the token expires — by jsonwebtoken's own clock (wall time), as
   * a fresh verify would judge it. Revocation does not live in the token (it is the user row's active flag and
   * version, checked on every request).
   */
  private verifiedClaims(credential: string): JwtClaims {
    const known = this.verified.get(credential);
    if (known && (!known.exp || known.exp * 1000 > Date.now())) return known;
    let claims: JwtClaims;
    try {
      claims = jwt.verify(credential, this.signingKey(), { algorithms: ['HS256'] }) as JwtClaims;
    } catch {
      this.verified.delete(credential);
      throw CommonErrors.create('TOKEN_INVALID');
    }
    if (this.verified.size >= VERIFIED_TOKENS) this.verified.clear();
    this.verified.set(credential, claims);
    return claims;
  }
  private readonly verified = new Map<string, JwtClaims>();

  /**
   * Resolves a bearer credential (JWT or API token) to the caller; throws UNAUTHENTICATED when invalid. The user row
   * comes from the credential cache, which keeps deactivation, a password change and a role change applying to the
   * next request on every instance (see CredentialCache for how, per database).
   */
  async authenticate(header: string): Promise<AuthContext> {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw CommonErrors.create('TOKEN_INVALID');
    const credential = match[1];
    if (credential.startsWith(TOKEN_PREFIX)) return this.authenticateApiToken(credential);
    const claims = this.verifiedClaims(credential);
    const user = await this.credentials.user(claims.sub, () => this.users.findOne({ where: { id: claims.sub } }));
    if (!user || user.tenantId !== claims.tid) throw CommonErrors.create('TOKEN_INVALID');
    if (!user.active) throw AuthErrors.create('ACCOUNT_DEACTIVATED');
    if ((claims.ver ?? 0) !== user.authVersion) throw AuthErrors.create('SESSION_ENDED');
    const auth: AuthContext = {
      tenantId: user.tenantId,
      userId: user.id,
      role: user.role,
      email: user.email,
      ...(claims.alt?.length ? { otherMemberships: claims.alt.map((a) => ({ userId: a.sub, tenantId: a.tid, version: a.ver })) } : {}),
    };
    this.authenticatedRows.set(auth, user);
    return auth;
  }

  /**
   * The user row each request's credential was checked against, by its AuthContext: `me` answers from it. Asking the
   * credential cache again (`peek`) re-read SQLite's `data_version` — a file lock, a quarter of a `me` request's CPU.
   */
  private readonly authenticatedRows = new WeakMap<AuthContext, User>();

  private async authenticateApiToken(credential: string): Promise<AuthContext> {
    // rdt_<id>_<secret>: the id finds the row, the secret is compared by hash in constant time.
    const [id, secret] = credential.slice(TOKEN_PREFIX.length).split('_');
    if (!id || !secret) throw CommonErrors.create('TOKEN_INVALID');
    const token = await this.tokens.findOne({ where: { id } });
    const expected = Buffer.from(token?.secretHash ?? sha256('x'), 'hex');
    const actual = Buffer.from(sha256(secret), 'hex');
    if (!token || token.revokedAt || !timingSafeEqual(expected, actual)) throw CommonErrors.create('TOKEN_INVALID');
    const now = this.clock.now();
    if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) throw CommonErrors.create('TOKEN_INVALID');
    if (token.createdBy) {
      // The token lives on its creator's authority: a deactivated or demoted creator takes it down.
      const creator = await this.users.findOne({ where: { id: token.createdBy }, select: { id: true, role: true, active: true } });
      if (creator && !creator.active) throw AuthErrors.create('ACCOUNT_DEACTIVATED');
      if (creator && roleRank(creator.role) < roleRank(token.role)) throw CommonErrors.create('TOKEN_INVALID');
    }
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.tokens.update({ id: token.id }, { lastUsedAt: now });
    }
    return { tenantId: token.tenantId, tokenId: token.id, role: token.role };
  }

  /** Verifies REDRESS_PLATFORM_TOKEN (plain or `sha256:<hex>`) by comparing SHA-256 digests in constant time. */
  assertPlatformOperator(header: string | undefined): void {
    const configured = this.config.platformToken;
    const presented = /^Bearer\s+(\S+)$/i.exec(header?.trim() ?? '')?.[1];
    if (!configured || !presented) throw AuthErrors.create('PLATFORM_TOKEN_INVALID');
    const expected = Buffer.from(configured.startsWith('sha256:') ? configured.slice(7).toLowerCase() : sha256(configured), 'hex');
    const actual = Buffer.from(sha256(presented), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw AuthErrors.create('PLATFORM_TOKEN_INVALID');
  }

  async createApiToken(auth: AuthContext, name: string, role: Role, expiresAt?: Date | null): Promise<{ token: ApiToken; secret: string }> {
    if (!name.trim()) throw AuthErrors.create('TOKEN_NAME_REQUIRED', { field: 'name' });
    if (!auth.userId) throw AuthErrors.create('TOKEN_NEEDS_USER');
    if (roleRank(role) > roleRank(auth.role)) throw AuthErrors.create('TOKEN_ROLE_ABOVE_CREATOR', { field: 'role' });
    if (expiresAt && expiresAt.getTime() <= this.clock.now().getTime())
      throw AuthErrors.create('TOKEN_EXPIRY_IN_PAST', { field: 'expiresAt' });
    const id = newId().replace(/-/g, '');
    const secretPart = randomBytes(24).toString('base64url').replace(/_/g, 'x');
    const token = await this.tokens.manager.transaction(async (manager) => {
      const saved = await manager.getRepository(ApiToken).save(
        manager.getRepository(ApiToken).create({
          id,
          tenantId: auth.tenantId,
          name: name.trim(),
          role,
          secretHash: sha256(secretPart),
          createdBy: auth.userId,
          expiresAt: expiresAt ?? null,
        }),
      );
      await this.audit.record(
        auth,
        'create_token',
        'apiToken',
        id,
        null,
        { name: saved.name, role, expiresAt: expiresAt ?? null },
        manager,
      );
      return saved;
    });
    return { token, secret: `${TOKEN_PREFIX}${id}_${secretPart}` };
  }

  /** Admins see every token of the tenant; a manager sees the ones they created. */
  private tokenScope(auth: AuthContext) {
    return auth.role === Role.admin ? { tenantId: auth.tenantId } : { tenantId: auth.tenantId, createdBy: auth.userId ?? '-' };
  }

  async revokeApiToken(auth: AuthContext, id: string): Promise<boolean> {
    const token = await this.tokens.findOne({ where: { id, ...this.tokenScope(auth) } });
    if (!token) throw AuthErrors.create('TOKEN_NOT_FOUND', { field: 'id' });
    if (token.revokedAt) return true;
    await this.tokens.manager.transaction(async (manager) => {
      await manager.getRepository(ApiToken).update({ id }, { revokedAt: this.clock.now() });
      await this.audit.record(auth, 'revoke_token', 'apiToken', id, { name: token.name, role: token.role }, { revoked: true }, manager);
    });
    return true;
  }

  listApiTokens(auth: AuthContext): Promise<ApiToken[]> {
    return this.tokens.find({ where: this.tokenScope(auth), order: { createdAt: 'DESC' } });
  }

  async me(auth: AuthContext): Promise<User> {
    if (auth.userId) {
      // The row this request was authenticated with (see CredentialCache), else read.
      const known = this.authenticatedRows.get(auth) ?? this.credentials.peek(auth.userId);
      const user =
        known?.tenantId === auth.tenantId ? known : await this.users.findOne({ where: { id: auth.userId, tenantId: auth.tenantId } });
      if (!user || !user.active) throw CommonErrors.create('TOKEN_INVALID');
      return user;
    }
    // An API token acts as a synthetic user of its tenant.
    const token = await this.tokens.findOneOrFail({ where: { id: auth.tokenId, tenantId: auth.tenantId } });
    return Object.assign(new User(), {
      id: token.id,
      tenantId: token.tenantId,
      email: `api-token+${token.id}@redress.local`,
      displayName: token.name,
      role: token.role,
      active: true,
      createdAt: token.createdAt,
      passwordHash: '',
      teams: [],
      authVersion: 0,
      totpEnabled: false,
    });
  }

  /** Changes the caller's own password; other sessions end, the caller gets a fresh one. */
  async changePassword(auth: AuthContext, current: string, next: string): Promise<Session> {
    if (!auth.userId) throw AuthErrors.create('TOKEN_NEEDS_USER');
    const user = await this.users.findOneOrFail({ where: { id: auth.userId, tenantId: auth.tenantId } });
    if (!(await AuthService.verifyPassword(user.passwordHash, current))) {
      throw AuthErrors.create('CURRENT_PASSWORD_WRONG', { field: 'currentPassword' });
    }
    checkPasswordPolicy(next, [user.email, user.displayName], 'newPassword');
    const passwordHash = await AuthService.hashPassword(next);
    await this.users.manager.transaction(async (manager) => {
      await manager.getRepository(User).update({ id: user.id }, { passwordHash, authVersion: user.authVersion + 1 });
      await this.audit.record(auth, 'password_change', 'user', user.id, null, { email: user.email }, manager);
    });
    return this.issueSession({ ...user, passwordHash, authVersion: user.authVersion + 1 });
  }

  /**
   * The active users a complaint can be assigned to (the roles that handle complaints), for the people who assign
   * and hand over work — who may not read the full user list with its administration fields.
   */
  listAssignable(tenantId: string): Promise<User[]> {
    return this.users.find({ where: { tenantId, active: true, role: In(ASSIGNABLE_ROLES) }, order: { displayName: 'ASC', email: 'ASC' } });
  }

  /**
   * Who the ids recorded as actors (users or API tokens of this tenant) are: a user's e-mail and name, a token's
   * name. Ids of another tenant or of deleted credentials are simply not in the map.
   */
  async describeActors(tenantId: string, ids: string[]): Promise<Map<string, { email: string | null; name: string }>> {
    const unique = [...new Set(ids)];
    const actors = new Map<string, { email: string | null; name: string }>();
    if (!unique.length) return actors;
    const [users, tokens] = await Promise.all([
      this.users.find({ select: { id: true, email: true, displayName: true }, where: { tenantId, id: In(unique) } }),
      this.tokens.find({ select: { id: true, name: true }, where: { tenantId, id: In(unique) } }),
    ]);
    for (const user of users) actors.set(user.id, { email: user.email, name: user.displayName });
    for (const token of tokens) actors.set(token.id, { email: null, name: token.name });
    return actors;
  }
}
