import { emptyPolicy } from '@redress/sdk';
import type { TestApp } from '../support/test-app';
import { TenantService } from '../../apps/api/src/modules/tenant/tenant.service';
import { AuthService } from '../../apps/api/src/modules/auth/auth.service';
import { PolicyService } from '../../apps/api/src/modules/policy/policy.service';
import { OutboxService } from '../../apps/api/src/modules/outbox/outbox.service';
import { Role } from '../../apps/api/src/common/auth/roles';
import { DEMO_POLICY } from '../../apps/api/src/modules/policy/demo/demo-policy';
import { peopleNamedBy } from '../../apps/api/src/modules/policy/engine/policy-people';

let serial = 0;

/**
 * A new tenant with an admin signed in and a bare draft policy (the usual intake channels and the working calendar,
 * nothing else), so what a plugin adds is all there is.
 */
export async function freshTenant(t: TestApp, name: string): Promise<{ tenantId: string; admin: string }> {
  serial += 1;
  const slug = `${name}-${serial}-${Date.now().toString(36)}`;
  const tenant = await t.app.get(TenantService).create({ slug, name });
  const email = `admin@${slug}.local`;
  await t.app.get(AuthService).createUser({ tenantId: tenant.id, email, password: 'demo1234', displayName: '管理员', role: Role.admin });
  await t.app.get(PolicyService).replaceDraft(
    tenant.id,
    {
      ...emptyPolicy(),
      settings: DEMO_POLICY.settings,
      channels: DEMO_POLICY.channels,
      calendars: DEMO_POLICY.calendars,
    },
    undefined,
  );
  return { tenantId: tenant.id, admin: await t.login(email) };
}

/**
 * Makes the people the demo policy names (its team members and department managers) members of `tenantId` as well,
 * so the demo policy can be published there (publish checks that they are active users of the tenant). Their password
 * here differs from the demo's `demo1234`, so signing in with it still opens only the demo tenant.
 */
export async function addDemoPolicyPeople(t: TestApp, tenantId: string): Promise<void> {
  for (const email of peopleNamedBy(DEMO_POLICY)) {
    await t.app
      .get(AuthService)
      .createUser({ tenantId, email, password: 'Other-Tenant-Member-71', displayName: email.split('@')[0], role: Role.handler });
  }
}

export const ENABLE = `mutation($id: String!, $args: JSON) { enablePlugin(id: $id, presetArgs: $args) { pluginId applied kept rows summary } }`;
export const PUBLISH = `mutation($note: String) { publishPolicy(note: $note) { version status } }`;

/** Delivers everything due, including what deliveries queue (events fan out into per-plugin deliveries). */
export async function drainOutbox(t: TestApp, rounds = 10): Promise<void> {
  const outbox = t.app.get(OutboxService);
  for (let i = 0; i < rounds; i += 1) if ((await outbox.drain(200)) === 0) return;
}
