import { EntityManager } from 'typeorm';
import type { Tenant } from '../tenant/tenant.entity';
import { insertTenant } from '../tenant/tenant.service';
import { validateTenantFields } from '../tenant/tenant-fields';
import { User } from './user.entity';
import { AuthErrors } from './auth.exception';
import { Role } from '../../common/auth/roles';
import { newId } from '../../common/db/columns';
import { issueAccessLink, type IssuedLink } from './access-link';
import type { AuditService } from '../audit/audit.service';
import { normalizeEmail } from './auth.service';

export interface NewTenantInput {
  name: string;
  slug: string;
  adminEmail: string;
  adminName?: string;
  timeZone?: string;
  locale?: string;
}

export interface ProvisionedTenant {
  tenant: Tenant;
  admin: User;
  link: IssuedLink;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Creates a tenant with its first admin (no password yet) and a one-time setup link, in the caller's transaction.
 * Shared by `npm run tenant -- create` and the platform operator's `createTenant` mutation.
 */
export async function provisionTenant(
  manager: EntityManager,
  input: NewTenantInput,
  context: { now: Date; publicUrl: string; audit: AuditService; ip?: string },
): Promise<ProvisionedTenant> {
  const slug = input.slug.trim();
  const email = normalizeEmail(input.adminEmail);
  validateTenantFields({ name: input.name, slug, timeZone: input.timeZone, locale: input.locale });
  if (!EMAIL.test(email) || email.length > 254) throw AuthErrors.create('EMAIL_INVALID', { field: 'adminEmail' });
  const tenant = await insertTenant(manager, { slug, name: input.name.trim(), timeZone: input.timeZone, locale: input.locale });
  // The first admin may already be a member of other tenants: this is a new membership of a new tenant.
  const admin = await manager.getRepository(User).save(
    manager.getRepository(User).create({
      id: newId(),
      tenantId: tenant.id,
      email,
      passwordHash: '',
      displayName: input.adminName?.trim() || email.split('@')[0],
      role: Role.admin,
      departmentId: null,
      active: true,
      teams: [],
      authVersion: 0,
    }),
  );
  const link = await issueAccessLink(manager, {
    tenantId: tenant.id,
    userId: admin.id,
    purpose: 'invitation',
    createdBy: null,
    now: context.now,
    publicUrl: context.publicUrl,
  });
  await context.audit.record(
    { tenantId: tenant.id, role: 'platform_operator', ip: context.ip },
    'create_tenant',
    'tenant',
    tenant.id,
    null,
    { name: tenant.name, slug, adminEmail: email },
    manager,
  );
  return { tenant, admin, link };
}
