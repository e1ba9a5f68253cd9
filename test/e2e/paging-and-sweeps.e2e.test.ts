import { Logger } from '@nestjs/common';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { AnalyticsScheduler } from '../../apps/api/src/modules/analytics/analytics.scheduler';
import { WeeklyReport } from '../../apps/api/src/modules/analytics/analytics.entity';
import { TenantService } from '../../apps/api/src/modules/tenant/tenant.service';

// The test drives the sweeps itself.
process.env.REDRESS_WORKERS = '0';
afterAll(() => {
  delete process.env.REDRESS_WORKERS;
});

describe.each(testDatabases())('page sizes and sweeps of tenants without a policy on %s', (db) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp({ db });
    await t.seedDemo();
    admin = await t.login('admin@demo.local');
  });
  afterAll(() => t?.close());

  it.each([
    ['complaints', '{ complaints(first: -1) { totalCount } }'],
    ['myQueue', '{ myQueue(first: 0) { totalCount } }'],
    ['auditLog', '{ auditLog(first: -1) { nodes { id } } }'],
    ['pluginFailures', '{ pluginFailures(first: -5) { error } }'],
    ['weeklyReports', '{ weeklyReports(first: 0) { weekStart } }'],
    ['analyticsAlerts', '{ analyticsAlerts(first: -1) { id } }'],
  ])('refuses a page size below 1 on %s with BAD_USER_INPUT naming `first` (it silently became 1)', async (_name, query) => {
    const result = await t.gql(query, {}, admin);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PAGE_SIZE_INVALID',
      field: 'first',
      messages: {
        'zh-CN': expect.stringContaining('first 必须是大于 0 的整数'),
        en: expect.stringMatching(/^first must be a whole number greater than 0 \(got -?\d+\)$/),
      },
    });
  });

  it('still answers a positive page size, refuses one above the maximum, and pages by offset', async () => {
    const one = await t.gqlOk('{ auditLog(first: 1) { nodes { id } } }', {}, admin);
    expect(one.auditLog.nodes).toHaveLength(1);
    // A page above the maximum is refused with its reason rather than silently cut (issue 17: limits a caller sees).
    const many = await t.gql('{ complaints(first: 100000) { totalCount } }', {}, admin);
    expect(many.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_TOO_LARGE' });
    const paged = await t.gqlOk('{ complaints(first: 25, offset: 50) { totalCount edges { cursor } } }', {}, admin);
    expect(paged.complaints).toEqual({ totalCount: 0, edges: [] });
    const negative = await t.gql('{ complaints(first: 25, offset: -1) { totalCount } }', {}, admin);
    expect(negative.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
  });

  it('sweeps a tenant that has not published a policy yet without logging an error, and reports once it has', async () => {
    const errors = vi.spyOn(Logger.prototype, 'error');
    try {
      const fresh = await t.app.get(TenantService).create({ slug: 'no-policy-yet', name: '新租户' });
      const result = await t.app.get(AnalyticsScheduler).tick();
      // The demo tenant (published) got its report; the new tenant is simply skipped, not failed.
      expect(result.reports).toBe(1);
      expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
      expect(await t.dataSource.getRepository(WeeklyReport).count({ where: { tenantId: fresh.id } })).toBe(0);
    } finally {
      errors.mockRestore();
    }
  });
});
