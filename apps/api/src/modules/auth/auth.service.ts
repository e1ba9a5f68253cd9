import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { hash, verify } from '@node-rs/argon2';
import { User } from './user.entity';
import { ApiToken } from './api-token.entity';
import { CommonErrors } from '../../common/errors/app-error';
import { AuthErrors } from './auth.exception';
import type { AuthContext } from '../../common/auth/auth-context';
import { Role } from '../../common/auth/roles';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';

/** Roles a complaint may be assigned to. */
export const ASSIGNABLE_ROLES = [Role.admin, Role.manager, Role.handler];

const TOKEN_PREFIX = 'rdt_';
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A valid argon2 hash of a random password: verifying against it costs the same as a real user (no timing oracle). */
let dummyHash: Promise<string> | undefined;

interface JwtClaims {
  sub: string;
  tid: string;
  role: Role;
  email: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  static hashPassword(password: string): Promise<string> {
    return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  }

  async createUser(input: { tenantId: string; email: string; password: string; displayName: string; role: Role; departmentId?: string | null }): Promise<User> {
    if (input.password.length < 8) throw AuthErrors.create('WEAK_PASSWORD', { field: 'password' });
    const email = input.email.trim().toLowerCase();
    if (await this.users.exists({ where: { email } })) throw AuthErrors.create('USER_EXISTS', { field: 'email' });
    const user = this.users.create({
      id: newId(), tenantId: input.tenantId, email, passwordHash: await AuthService.hashPassword(input.password),
      displayName: input.displayName, role: input.role, departmentId: input.departmentId ?? null, active: true,
    });
    return this.users.save(user);
  }

  /** Same error and similar cost whether the email or the password was wrong. */
  async login(email: string, password: string): Promise<{ token: string; user: User; expiresAt: Date }> {
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    dummyHash ??= AuthService.hashPassword(randomBytes(16).toString('hex'));
    const ok = await verify(user?.passwordHash ?? (await dummyHash), password).catch(() => false);
    if (!user || !ok || !user.active) throw CommonErrors.create('INVALID_CREDENTIALS');
    await this.users.update({ id: user.id }, { lastLoginAt: this.clock.now() });
    const claims: JwtClaims = { sub: user.id, tid: user.tenantId, role: user.role, email: user.email };
    const token = jwt.sign(claims, this.config.jwtSecret, { algorithm: 'HS256', expiresIn: this.config.jwtTtlSeconds });
    return { token, user, expiresAt: new Date(this.clock.now().getTime() + this.config.jwtTtlSeconds * 1000) };
  }

  /** Resolves a bearer credential (JWT or API token) to the caller; throws UNAUTHENTICATED when invalid. */
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
    return { tenantId: claims.tid, userId: claims.sub, role: claims.role, email: claims.email };
  }

  private async authenticateApiToken(credential: string): Promise<AuthContext> {
    // rdt_<id>_<secret>: the id finds the row, the secret is compared by hash in constant time.
    const [id, secret] = credential.slice(TOKEN_PREFIX.length).split('_');
    if (!id || !secret) throw CommonErrors.create('TOKEN_INVALID');
    const token = await this.tokens.findOne({ where: { id } });
    const expected = Buffer.from(token?.secretHash ?? sha256('x'), 'hex');
    const actual = Buffer.from(sha256(secret), 'hex');
    if (!token || token.revokedAt || !timingSafeEqual(expected, actual)) throw CommonErrors.create('TOKEN_INVALID');
    return { tenantId: token.tenantId, tokenId: token.id, role: token.role };
  }

  async createApiToken(auth: AuthContext, name: string, role: Role): Promise<{ token: ApiToken; secret: string }> {
    if (!name.trim()) throw AuthErrors.create('TOKEN_NAME_REQUIRED', { field: 'name' });
    const id = newId().replace(/-/g, '');
    const secretPart = randomBytes(24).toString('base64url').replace(/_/g, 'x');
    const token = await this.tokens.save(this.tokens.create({
      id, tenantId: auth.tenantId, name: name.trim(), role, secretHash: sha256(secretPart), createdBy: auth.userId ?? null,
    }));
    return { token, secret: `${TOKEN_PREFIX}${id}_${secretPart}` };
  }

  async revokeApiToken(auth: AuthContext, id: string): Promise<boolean> {
    const token = await this.tokens.findOne({ where: { id, tenantId: auth.tenantId } });
    if (!token) throw AuthErrors.create('TOKEN_NOT_FOUND', { field: 'id' });
    if (!token.revokedAt) await this.tokens.update({ id }, { revokedAt: this.clock.now() });
    return true;
  }

  listApiTokens(auth: AuthContext): Promise<ApiToken[]> {
    return this.tokens.find({ where: { tenantId: auth.tenantId }, order: { createdAt: 'DESC' } });
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
      role: token.role, active: true, createdAt: token.createdAt, passwordHash: '',
    });
  }

  listUsers(tenantId: string): Promise<User[]> {
    return this.users.find({ where: { tenantId }, order: { email: 'ASC' } });
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
