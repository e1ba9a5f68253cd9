import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { hashPassword, verifyPassword } from './passwords';
import { SecondFactorService } from './second-factor.service';
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { CommonErrors } from '../../common/errors/app-error';
import { AuthErrors } from './auth.exception';
import type { AuthContext } from '../../common/auth/auth-context';
import { Role, roleRank } from '../../common/auth/roles';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { AuditService, type AuditActor } from '../audit/audit.service';
import { SignInThrottleService, SIGN_IN_LIMITS, tooManyAttempts } from './sign-in-throttle.service';
import { checkPasswordPolicy } from './password-policy';

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
}

export interface Session {
  token: string;
  user: User;
  expiresAt: Date;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

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
  ) {}

  static hashPassword = hashPassword;
  static verifyPassword = verifyPassword;

  /** Creates a user without the password policy: seeders and tests (the demo's `demo1234`). The API uses UserAdminService. */
  async createUser(input: { tenantId: string; email: string; password: string; displayName: string; role: Role; departmentId?: string | null }): Promise<User> {
    if (input.password.length < 8) throw AuthErrors.create('WEAK_PASSWORD', { field: 'password' });
    const email = normalizeEmail(input.email);
    if (await this.users.exists({ where: { email } })) throw AuthErrors.create('USER_EXISTS', { field: 'email' });
    const user = this.users.create({
      id: newId(), tenantId: input.tenantId, email, passwordHash: await AuthService.hashPassword(input.password),
      displayName: input.displayName, role: input.role, departmentId: input.departmentId ?? null, active: true, teams: [], authVersion: 0,
    });
    return this.users.save(user);
  }

  /**
   * Same error and similar cost whether the email or the password was wrong. Failures count per account and per
   * client address in the database (all instances); a locked key answers TOO_MANY_ATTEMPTS with retryAfterSeconds.
   */
  async login(emailInput: string, password: string, ip?: string, code?: string | null): Promise<Session> {
    const email = normalizeEmail(emailInput);
    const keys = { email, ip };
    await this.throttle.assertAllowed(keys);
    const user = await this.users.findOne({ where: { email } });
    const ok = await AuthService.verifyPassword(user?.passwordHash ?? '', password);
    // The second factor is asked for only after a right password; a wrong code counts as a failed sign-in.
    if (user && ok && user.active && user.totpEnabled && !code) throw AuthErrors.create('SECOND_FACTOR_REQUIRED', { field: 'code' });
    const secondOk = !(user && ok && user.active && user.totpEnabled) || (await this.secondFactor.accept(user, code!));
    if (!user || !ok || !user.active || !secondOk) {
      const locked = await this.throttle.recordFailure(keys);
      if (user) {
        const actor: AuditActor = { tenantId: user.tenantId, role: 'anonymous', ip };
        const reason = !ok ? 'password' : !user.active ? 'deactivated' : 'second_factor';
        await this.audit.record(actor, 'sign_in_failed', 'user', user.id, null, { email, reason });
        if (locked.length) await this.audit.record(actor, 'lockout', 'user', user.id, null, { email, scopes: locked });
      }
      if (locked.length) throw tooManyAttempts(Math.max(...locked.map((scope) => SIGN_IN_LIMITS[scope].lockMs)));
      if (user && ok && !user.active) throw AuthErrors.create('ACCOUNT_DEACTIVATED');
      if (user && ok && !secondOk) throw AuthErrors.create('SECOND_FACTOR_INVALID', { field: 'code' });
      throw CommonErrors.create('INVALID_CREDENTIALS');
    }
    await this.throttle.recordSuccess(email);
    await this.users.update({ id: user.id }, { lastLoginAt: this.clock.now() });
    await this.audit.record({ tenantId: user.tenantId, role: user.role, userId: user.id, ip }, 'sign_in', 'user', user.id, null, { email });
    return this.issueSession(user);
  }

  /** A JWT bound to the user's current authVersion. */
  issueSession(user: User): Session {
    const claims: JwtClaims = { sub: user.id, tid: user.tenantId, role: user.role, email: user.email, ver: user.authVersion ?? 0 };
    const token = jwt.sign(claims, this.config.jwtSecret, { algorithm: 'HS256', expiresIn: this.config.jwtTtlSeconds });
    return { token, user, expiresAt: new Date(this.clock.now().getTime() + this.config.jwtTtlSeconds * 1000) };
  }

  /**
   * Resolves a bearer credential (JWT or API token) to the caller; throws UNAUTHENTICATED when invalid. Each call
   * reads the user row (primary key): deactivation, a password change and a role change apply to the next request
   * on every instance, with no cache to go stale.
   */
  async authenticate(header: string): Promise<AuthContext> {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw CommonErrors.create('TOKEN_INVALID');
    const credential = match[1];
    if (credential.startsWith(TOKEN_PREFIX)) return this.authenticateApiToken(credential);
    let claims: JwtClaims;
    try {
      claims = jwt.verify(credential, this.config.jwtSecret, { algorithms: ['HS256'] }) as JwtClaims;
    } catch {
      throw CommonErrors.create('TOKEN_INVALID');
    }
    const user = await this.users.findOne({
      where: { id: claims.sub, tenantId: claims.tid },
      select: { id: true, tenantId: true, role: true, email: true, active: true, authVersion: true },
    });
    if (!user) throw CommonErrors.create('TOKEN_INVALID');
    if (!user.active) throw AuthErrors.create('ACCOUNT_DEACTIVATED');
    if ((claims.ver ?? 0) !== user.authVersion) throw AuthErrors.create('SESSION_ENDED');
    return { tenantId: user.tenantId, userId: user.id, role: user.role, email: user.email };
  }

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
    if (expiresAt && expiresAt.getTime() <= this.clock.now().getTime()) throw AuthErrors.create('TOKEN_EXPIRY_IN_PAST', { field: 'expiresAt' });
    const id = newId().replace(/-/g, '');
    const secretPart = randomBytes(24).toString('base64url').replace(/_/g, 'x');
    const token = await this.tokens.manager.transaction(async (manager) => {
      const saved = await manager.getRepository(ApiToken).save(manager.getRepository(ApiToken).create({
        id, tenantId: auth.tenantId, name: name.trim(), role, secretHash: sha256(secretPart), createdBy: auth.userId,
        expiresAt: expiresAt ?? null,
      }));
      await this.audit.record(auth, 'create_token', 'apiToken', id, null, { name: saved.name, role, expiresAt: expiresAt ?? null }, manager);
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
      const user = await this.users.findOne({ where: { id: auth.userId, tenantId: auth.tenantId } });
      if (!user || !user.active) throw CommonErrors.create('TOKEN_INVALID');
      return user;
    }
    // An API token acts as a synthetic user of its tenant.
    const token = await this.tokens.findOneOrFail({ where: { id: auth.tokenId, tenantId: auth.tenantId } });
    return Object.assign(new User(), {
      id: token.id, tenantId: token.tenantId, email: `api-token+${token.id}@redress.local`, displayName: token.name,
      role: token.role, active: true, createdAt: token.createdAt, passwordHash: '', teams: [], authVersion: 0, totpEnabled: false,
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
