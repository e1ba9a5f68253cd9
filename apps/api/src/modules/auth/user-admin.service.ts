import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { User } from './user.entity';
import { AuthErrors } from './auth.exception';
import type { AuthContext } from '../../common/auth/auth-context';
import { Role, roleRank } from '../../common/auth/roles';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config';
import { Clock } from '../../common/clock';
import { newId } from '../../common/db/columns';
import { AuditService } from '../audit/audit.service';
import { TenantService } from '../tenant/tenant.service';
import { AuthService, normalizeEmail, type Session } from './auth.service';
import { checkPasswordPolicy } from './password-policy';
import { AccessLinkDelivery, consumeAccessLink, issueAccessLink, type IssuedLink } from './access-link';
import type { AccessLinkPurpose } from './access-link.entity';
import { provisionTenant, type NewTenantInput, type ProvisionedTenant } from './tenant-provisioning';

export interface UserProfile {
  displayName: string;
  role: Role;
  teams?: string[];
  departmentId?: string | null;
}

export interface UserFilter {
  search?: string;
  role?: Role;
  active?: boolean;
  team?: string;
}

export interface LinkResult {
  user: User;
  delivered: boolean;
  link: string | null;
  expiresAt: Date;
}

/** What the audit log keeps of a user: never the password hash. */
const snapshot = (user: User) => ({
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  teams: user.teams ?? [],
  departmentId: user.departmentId ?? null,
  active: user.active,
});

const isUniqueViolation = (error: unknown) => /unique|duplicate/i.test(String((error as Error)?.message));

/**
 * The tenant admin's staff management: create and invite, roles, teams and departments, deactivation, password
 * resets — each change in one transaction with its audit entry. A change that would leave the tenant without an
 * active admin is refused (LAST_ADMIN); on PostgreSQL the admin rows are locked so two admins demoting each other
 * at once cannot both succeed.
 */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly tenants: TenantService,
    private readonly auth: AuthService,
    private readonly delivery: AccessLinkDelivery,
  ) {}

  list(tenantId: string, filter: UserFilter = {}): Promise<User[]> {
    const query = this.users.createQueryBuilder('u').where('u.tenant_id = :tenantId', { tenantId });
    if (filter.search?.trim()) {
      const like = `%${filter.search
        .trim()
        .toLowerCase()
        .replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        new Brackets((q) => {
          q.where("LOWER(u.email) LIKE :like ESCAPE '\\'", { like }).orWhere("LOWER(u.display_name) LIKE :like ESCAPE '\\'", { like });
        }),
      );
    }
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined) query.andWhere('u.active = :active', { active: filter.active });
    return query
      .orderBy('u.email', 'ASC')
      .getMany()
      .then((users) => (filter.team ? users.filter((u) => u.teams?.includes(filter.team!)) : users));
  }

  /** The tenant's user with this id, or null: for modules that address staff by id (notices, deliveries). */
  find(tenantId: string, id: string): Promise<User | null> {
    return this.users.findOne({ where: { id, tenantId } });
  }

  /** The tenant's user with this (already lower-cased) e-mail address, active or not, or null. */
  findByEmail(tenantId: string, email: string): Promise<User | null> {
    return this.users.findOne({ where: { email, tenantId } });
  }

  /** The tenant's active users among these (lower-cased) e-mail addresses, e.g. a policy team's members. */
  activeByEmails(tenantId: string, emails: readonly string[]): Promise<User[]> {
    if (!emails.length) return Promise.resolve([]);
    return this.users.find({ where: { tenantId, active: true, email: In([...emails]) } });
  }

  async get(tenantId: string, id: string, manager: EntityManager = this.users.manager): Promise<User> {
    const user = await manager.getRepository(User).findOne({ where: { id, tenantId } });
    if (!user) throw AuthErrors.create('USER_NOT_FOUND', { field: 'id' });
    return user;
  }

  private assertGrantable(auth: AuthContext, role: Role): void {
    if (roleRank(role) > roleRank(auth.role)) throw AuthErrors.create('ROLE_ABOVE_OWN', { field: 'role' });
  }

  private async insertUser(
    manager: EntityManager,
    auth: AuthContext,
    email: string,
    profile: UserProfile,
    passwordHash: string,
  ): Promise<User> {
    const repository = manager.getRepository(User);
    // Unique per tenant: the same person may be a member of other tenants, with another role there.
    if (await repository.exists({ where: { email, tenantId: auth.tenantId } })) throw AuthErrors.create('USER_EXISTS', { field: 'email' });
    try {
      return await repository.save(
        repository.create({
          id: newId(),
          tenantId: auth.tenantId,
          email,
          passwordHash,
          displayName: profile.displayName.trim(),
          role: profile.role,
          teams: profile.teams ?? [],
          departmentId: profile.departmentId ?? null,
          active: true,
          authVersion: 0,
        }),
      );
    } catch (error) {
      // Two admins adding the same address at once: the unique index decides.
      if (isUniqueViolation(error)) throw AuthErrors.create('USER_EXISTS', { field: 'email' });
      throw error;
    }
  }

  /** Creates a user with a password the admin chose (subject to the policy). */
  async create(auth: AuthContext, input: UserProfile & { email: string; password: string }): Promise<User> {
    this.assertGrantable(auth, input.role);
    const email = normalizeEmail(input.email);
    checkPasswordPolicy(input.password, [email, input.displayName]);
    const passwordHash = await AuthService.hashPassword(input.password);
    return this.users.manager.transaction(async (manager) => {
      const user = await this.insertUser(manager, auth, email, input, passwordHash);
      await this.audit.record(auth, 'create', 'user', user.id, null, snapshot(user), manager);
      return user;
    });
  }

  /** Invites a person: a user without a password and a single-use invitation link (e-mailed, or handed to the admin). */
  async invite(auth: AuthContext, input: UserProfile & { email: string }): Promise<LinkResult> {
    this.assertGrantable(auth, input.role);
    const email = normalizeEmail(input.email);
    const { user, link } = await this.users.manager.transaction(async (manager) => {
      const created = await this.insertUser(manager, auth, email, input, '');
      const issued = await this.issue(manager, auth, created, 'invitation');
      await this.audit.record(auth, 'invite', 'user', created.id, null, { ...snapshot(created), linkExpiresAt: issued.expiresAt }, manager);
      return { user: created, link: issued };
    });
    return this.deliver(user, 'invitation', link);
  }

  /** An admin-triggered password reset: a single-use link; the person's password and sessions stay until it is used. */
  async requestPasswordReset(auth: AuthContext, id: string): Promise<LinkResult> {
    const { user, link } = await this.users.manager.transaction(async (manager) => {
      const target = await this.get(auth.tenantId, id, manager);
      const issued = await this.issue(manager, auth, target, target.passwordHash ? 'password_reset' : 'invitation');
      await this.audit.record(
        auth,
        'password_reset_requested',
        'user',
        target.id,
        null,
        { email: target.email, linkExpiresAt: issued.expiresAt },
        manager,
      );
      return { user: target, link: issued };
    });
    return this.deliver(user, user.passwordHash ? 'password_reset' : 'invitation', link);
  }

  private issue(manager: EntityManager, auth: AuthContext, user: User, purpose: AccessLinkPurpose): Promise<IssuedLink> {
    return issueAccessLink(manager, {
      tenantId: user.tenantId,
      userId: user.id,
      purpose,
      createdBy: auth.userId ?? auth.tokenId ?? null,
      now: this.clock.now(),
      publicUrl: this.config.publicUrl,
    });
  }

  private async deliver(user: User, kind: AccessLinkPurpose, link: IssuedLink): Promise<LinkResult> {
    const tenant = await this.tenants.get(user.tenantId);
    const delivered = await this.delivery.deliver({
      kind,
      tenantId: user.tenantId,
      to: user.email,
      displayName: user.displayName,
      tenantName: tenant.name,
      locale: tenant.locale,
      url: link.url,
      expiresAt: link.expiresAt,
    });
    return { user, delivered, link: delivered ? null : link.url, expiresAt: link.expiresAt };
  }

  async update(auth: AuthContext, id: string, patch: Partial<UserProfile>): Promise<User> {
    if (patch.role) this.assertGrantable(auth, patch.role);
    return this.users.manager.transaction(async (manager) => {
      const user = await this.get(auth.tenantId, id, manager);
      if (roleRank(user.role) > roleRank(auth.role)) throw AuthErrors.create('ROLE_ABOVE_OWN', { field: 'role' });
      const before = snapshot(user);
      if (patch.role && patch.role !== Role.admin && user.role === Role.admin) await this.assertAnotherAdmin(manager, user);
      if (patch.displayName !== undefined) user.displayName = patch.displayName.trim();
      if (patch.role !== undefined) user.role = patch.role;
      if (patch.teams !== undefined) user.teams = [...new Set(patch.teams)];
      if (patch.departmentId !== undefined) user.departmentId = patch.departmentId;
      const saved = await manager.getRepository(User).save(user);
      await this.audit.record(auth, before.role !== saved.role ? 'change_role' : 'update', 'user', id, before, snapshot(saved), manager);
      return saved;
    });
  }

  /** Deactivation ends every session and every API token the person created, on every instance, at the next request. */
  async setActive(auth: AuthContext, id: string, active: boolean): Promise<User> {
    return this.users.manager.transaction(async (manager) => {
      const user = await this.get(auth.tenantId, id, manager);
      if (user.active === active) return user;
      if (!active && user.role === Role.admin) await this.assertAnotherAdmin(manager, user);
      const before = snapshot(user);
      user.active = active;
      // Reactivation must not revive the sessions that deactivation ended.
      user.authVersion += 1;
      const saved = await manager.getRepository(User).save(user);
      await this.audit.record(auth, active ? 'reactivate' : 'deactivate', 'user', id, before, snapshot(saved), manager);
      return saved;
    });
  }

  /** Refuses when `user` is the tenant's last active admin who can sign in. */
  private async assertAnotherAdmin(manager: EntityManager, user: User): Promise<void> {
    const query = manager
      .getRepository(User)
      .createQueryBuilder('u')
      .select(['u.id'])
      .where('u.tenant_id = :tenantId AND u.role = :role AND u.active = :active', {
        tenantId: user.tenantId,
        role: Role.admin,
        active: true,
      })
      .andWhere("u.password_hash <> ''");
    if (manager.connection.options.type === 'postgres') query.setLock('pessimistic_write');
    const admins = await query.getMany();
    if (!admins.some((admin) => admin.id !== user.id)) throw AuthErrors.create('LAST_ADMIN', { field: 'id' });
  }

  /** Sets the password from an invitation or reset link; the link is spent only if the whole change commits. */
  async setPasswordWithLink(secret: string, password: string, purpose: AccessLinkPurpose, ip?: string): Promise<Session> {
    const user = await this.users.manager.transaction(async (manager) => {
      const now = this.clock.now();
      const link = await consumeAccessLink(manager, secret, purpose, now);
      const target = await this.get(link.tenantId, link.userId, manager);
      if (!target.active) throw AuthErrors.create('ACCOUNT_DEACTIVATED');
      checkPasswordPolicy(password, [target.email, target.displayName]);
      target.passwordHash = await AuthService.hashPassword(password);
      target.authVersion += 1;
      target.lastLoginAt = now;
      const saved = await manager.getRepository(User).save(target);
      await this.audit.record(
        { tenantId: target.tenantId, role: target.role, userId: target.id, ip },
        purpose === 'invitation' ? 'invitation_accepted' : 'password_reset',
        'user',
        target.id,
        null,
        { email: target.email },
        manager,
      );
      return saved;
    });
    return this.auth.issueSession(user);
  }

  /** The platform operator's tenant creation (the CLI runs the same provisioning). */
  async createTenant(input: NewTenantInput, ip?: string): Promise<ProvisionedTenant> {
    return this.users.manager.transaction((manager) =>
      provisionTenant(manager, input, {
        now: this.clock.now(),
        publicUrl: this.config.publicUrl,
        audit: this.audit,
        ip,
      }),
    );
  }

  /**
   * Who takes a complaint handed to "the manager" (workflow action assign_manager): the department's named manager when
   * active, else any active manager of the tenant (a manager deactivated after the policy was published gets no work).
   */
  async activeManagerFor(
    tenantId: string,
    managerEmail: string | null | undefined,
    manager: EntityManager = this.users.manager,
  ): Promise<User | null> {
    const repository = manager.getRepository(User);
    const named = managerEmail ? await repository.findOne({ where: { tenantId, email: managerEmail.toLowerCase(), active: true } }) : null;
    return named ?? repository.findOne({ where: { tenantId, role: Role.manager, active: true } });
  }
}
