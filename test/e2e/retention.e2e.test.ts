import { existsSync, readdirSync } from 'node:fs';
import sharp from 'sharp';
import { join } from 'node:path';
import { ManualClock } from '../../apps/api/src/common/clock';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { submit } from '../support/complaints';
import { runRetentionCli } from '../../apps/api/src/cli/retention';

const DAY = 24 * 3600_000;
const ATTITUDE = {
  channel: 'phone',
  type: 'service.attitude',
  form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
};
const BILLING = { channel: 'phone', type: 'billing', form: { amount: 10, expected_remedy: 'refund' } };
const REPORT = `{ retentionReport { asOf dryRun policyVersion complaints customers exportFiles types { type retentionMonths closedBefore complaints } } }`;
const PURGE = `mutation($d: Boolean) { purgeExpiredComplaints(dryRun: $d) { dryRun complaints customers exportFiles attachmentFiles types { type complaints } } }`;
/** Every table that holds a complaint id next to personal data or free text. */
const BY_COMPLAINT = [
  'complaint_event',
  'complaint_task',
  'complaint_reply',
  'sla_clock',
  'sla_extension_request',
  'delivery',
  'staff_notification',
  'outbox_message',
  'incident_member',
  'plugin_failure',
  'attachment',
  'portal_access',
  'portal_code',
];

describe.each(testDatabases())('retention purge on %s', (db) => {
  let t: TestApp;
  let clock: ManualClock;
  let admin: string;
  let manager: string;
  let agent: string;

  beforeAll(async () => {
    clock = new ManualClock(new Date('2021-03-31T02:00:00Z'));
    t = await createTestApp({ db, clock });
    await t.seedDemo();
    [admin, manager, agent] = [await t.login('admin@demo.local'), await t.login('manager@demo.local'), await t.login('agent@demo.local')];
  });
  afterAll(() => t?.close());

  const close = (id: string) =>
    t.gqlOk('mutation($id: ID!) { closeComplaint(id: $id, reason: "客户已接受处理结果") { state closedAt } }', { id }, manager);
  const count = async (table: string, ids: string[]) => {
    const column = table === 'complaint' ? 'id' : 'complaint_id';
    const list = ids.map((id) => `'${id}'`).join(',');
    const [row] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} IN (${list})`);
    return Number(row.n);
  };

  it('refuses a retention period that is not a whole number of months from 1 to 1200, at save and at publish', async () => {
    const draft = (await t.gqlOk('{ draftPolicyJson }', {}, admin)).draftPolicyJson;
    const saved = await t.gql(
      'mutation($i: ComplaintTypeInput!) { upsertComplaintType(input: $i) { key } }',
      {
        i: { ...draft.complaintTypes.find((x: any) => x.key === 'service'), retentionMonths: 0 },
      },
      admin,
    );
    expect(saved.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const broken = {
      ...draft,
      complaintTypes: draft.complaintTypes.map((x: any) => (x.key === 'service' ? { ...x, retentionMonths: 1.5 } : x)),
    };
    const imported = await t.gqlOk(
      'mutation($d: String!) { importPolicy(document: $d) { valid problems { path code } } }',
      { d: JSON.stringify(broken) },
      admin,
    );
    expect(imported.importPolicy.valid).toBe(false);
    expect(imported.importPolicy.problems).toContainEqual({ path: 'complaintTypes[service].retentionMonths', code: 'INVALID_RETENTION' });
    const published = await t.gql('mutation { publishPolicy { version } }', {}, admin);
    expect(published.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    await t.gqlOk('mutation($d: String!) { importPolicy(document: $d) { valid } }', { d: JSON.stringify(draft) }, admin);
  });

  it('reports what is due per type (dry run, nothing removed), then purges it from every table, file and complainant record, audited', async () => {
    // five years for the whole 服务质量 branch (service.attitude inherits it); billing keeps its complaints
    const draft = (await t.gqlOk('{ draftPolicyJson }', {}, admin)).draftPolicyJson;
    await t.gqlOk(
      'mutation($i: ComplaintTypeInput!) { upsertComplaintType(input: $i) { key retentionMonths } }',
      {
        i: { ...draft.complaintTypes.find((x: any) => x.key === 'service'), retentionMonths: 60 },
      },
      admin,
    );
    await t.gqlOk('mutation { publishPolicy(note: "保留期限") { version } }', {}, admin);

    const repeat = { name: '赵六', phone: '13700001234' };
    // photos attached at intake (stored with a thumbnail each); the kept complaint's photo must survive the purge
    const upload = async (name: string) => {
      const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
        .jpeg()
        .toBuffer();
      const res = await fetch(`${t.url}/attachments?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${agent}` },
        body: photo,
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const [ownFile, keptFile] = [await upload('身份证.jpg'), await upload('小票.jpg')];
    const filesOf = async (id: string) =>
      (await t.dataSource.query(`SELECT storage_key, thumbnail_key FROM attachment WHERE id = '${id}'`))[0] as {
        storage_key: string;
        thumbnail_key: string;
      };
    const storedPaths = async (id: string) => Object.values(await filesOf(id)).map((key) => join(t.config.dataDir, 'attachments', key));
    const [ownPaths, keptPaths] = [await storedPaths(ownFile), await storedPaths(keptFile)];
    expect([...ownPaths, ...keptPaths].every((path) => existsSync(path))).toBe(true);
    const due = await submit(t, agent, {
      ...ATTITUDE,
      text: '第一次投诉：营业员态度差，请回电 13912345678。',
      complainant: { name: '钱七', phone: '13600005678' },
      attachments: [ownFile],
    });
    const dueOfRepeat = await submit(t, agent, { ...ATTITUDE, text: '态度差（老客户）', complainant: repeat });
    const otherType = await submit(t, agent, { ...BILLING, text: '重复扣费' });
    await t.gqlOk(
      'mutation($id: ID!, $t: String!) { addComment(id: $id, text: $t) { id } }',
      { id: due.id, t: '客户补充：身份证 11010519491231002X' },
      agent,
    );
    for (const c of [due, dueOfRepeat, otherType]) await close(c.id);
    clock.advance(365 * DAY);
    const closedLater = await submit(t, agent, { ...ATTITUDE, text: '一年后的投诉' });
    await close(closedLater.id);
    const stillOpen = await submit(t, agent, { ...ATTITUDE, text: '老客户的新投诉', complainant: repeat, attachments: [keptFile] });
    const exportJob = (await t.gqlOk('mutation { exportComplaints(format: CSV) { id status } }', {}, admin)).exportComplaints;
    const exportsDir = join(t.config.dataDir, 'exports');
    for (let i = 0; i < 100 && !readdirSync(exportsDir).some((f) => f.startsWith(exportJob.id)); i += 1)
      await new Promise((r) => setTimeout(r, 50));

    // five years after the first closures, one day later
    clock.set(new Date('2026-04-01T02:00:00Z'));
    const dueIds = [due.id, dueOfRepeat.id];
    const keptIds = [otherType.id, closedLater.id, stillOpen.id];
    // Notices of the due complaints still on their way (the outbox worker turns them into deliveries) finish first:
    // a purge does not chase a delivery written after it (noted in docs/operations.md).
    const list = dueIds.map((id) => `'${id}'`).join(',');
    await expect
      .poll(
        async () =>
          Number(
            (
              await t.dataSource.query(
                `SELECT COUNT(*) AS n FROM outbox_message WHERE complaint_id IN (${list}) AND status IN ('pending', 'waiting')`,
              )
            )[0].n,
          ),
        { timeout: 30_000, interval: 200 },
      )
      .toBe(0);
    const before = Object.fromEntries(await Promise.all(BY_COMPLAINT.map(async (table) => [table, await count(table, dueIds)])));
    expect(before.complaint_event).toBeGreaterThan(0);

    const customerOf = async (id: string) =>
      (await t.dataSource.query(`SELECT customer_id FROM complaint WHERE id = '${id}'`))[0].customer_id as string;
    const [oneTime, repeated] = [await customerOf(due.id), await customerOf(stillOpen.id)];
    expect(await customerOf(dueOfRepeat.id)).toBe(repeated);
    const report = (await t.gqlOk(REPORT, {}, admin)).retentionReport;
    expect(report).toMatchObject({ dryRun: true, complaints: 2, customers: 1, exportFiles: 0 });
    expect(report.types).toEqual([
      { type: 'service.attitude', retentionMonths: 60, closedBefore: '2021-04-01T02:00:00.000Z', complaints: 2 },
    ]);
    const dry = (await t.gqlOk(PURGE, {}, admin)).purgeExpiredComplaints;
    expect(dry).toMatchObject({ dryRun: true, complaints: 2, customers: 1 });
    expect(await count('complaint', dueIds)).toBe(2);
    expect((await t.gql(REPORT, {}, manager)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const run = (await t.gqlOk(PURGE, { d: false }, admin)).purgeExpiredComplaints;
    expect(run).toMatchObject({
      dryRun: false,
      complaints: 2,
      customers: 1,
      exportFiles: 1,
      attachmentFiles: 1,
      types: [{ type: 'service.attitude', complaints: 2 }],
    });
    expect(ownPaths.some((path) => existsSync(path))).toBe(false);
    expect(keptPaths.every((path) => existsSync(path))).toBe(true);
    expect(await count('complaint', dueIds)).toBe(0);
    for (const table of BY_COMPLAINT) expect(await count(table, dueIds), table).toBe(0);
    expect(await count('complaint', keptIds)).toBe(3);
    expect(await count('complaint_event', keptIds)).toBeGreaterThan(0);
    // the one-time complainant is gone; the repeat complainant stays with the open complaint
    expect(await t.dataSource.query(`SELECT id FROM customer WHERE id = '${oneTime}'`)).toEqual([]);
    expect(await t.dataSource.query(`SELECT id FROM customer WHERE id = '${repeated}'`)).toHaveLength(1);
    expect(existsSync(join(exportsDir, `${exportJob.id}.csv`))).toBe(false);
    const audit = await t.gqlOk('{ auditLog(filter: { action: "retention_purge" }) { nodes { actorRole entity after } } }', {}, admin);
    expect(audit.auditLog.nodes).toHaveLength(1);
    expect(audit.auditLog.nodes[0]).toMatchObject({
      actorRole: 'admin',
      entity: 'complaints',
      after: {
        complaints: 2,
        customers: 1,
        exportFiles: 1,
        attachmentFiles: 1,
        types: [{ type: 'service.attitude', retentionMonths: 60, complaints: 2 }],
      },
    });

    // nothing left to do
    expect((await t.gqlOk(REPORT, {}, admin)).retentionReport).toMatchObject({ complaints: 0, types: [] });
  });

  it('runs from the command line for the operator’s cron: dry run by default, --purge to remove', async () => {
    const c = await submit(t, agent, { ...ATTITUDE, text: '命令行清理' });
    await close(c.id);
    clock.advance(61 * 31 * DAY);
    const env = {
      NODE_ENV: 'test',
      REDRESS_DATA_DIR: t.config.dataDir,
      ENCRYPTION_KEY: t.config.encryptionKey,
      JWT_SECRET: t.config.jwtSecret,
      DATABASE_URL: t.config.database.type === 'postgres' ? t.config.database.url : `sqlite:${t.config.database.path}`,
    } as NodeJS.ProcessEnv;
    const lines: string[] = [];
    expect(await runRetentionCli(['--tenant', 'demo'], env, (l) => lines.push(l), clock)).toBe(0);
    expect(lines[0]).toMatch(/^demo: would purge [1-9]\d* complaint\(s\)/);
    expect(lines.some((l) => l.startsWith('  service.attitude'))).toBe(true);
    expect(await count('complaint', [c.id])).toBe(1);
    lines.length = 0;
    expect(await runRetentionCli(['--tenant', 'demo', '--purge'], env, (l) => lines.push(l), clock)).toBe(0);
    expect(lines[0]).toMatch(/^demo: purged [1-9]\d* complaint\(s\)/);
    expect(await count('complaint', [c.id])).toBe(0);
    const audit = await t.gqlOk('{ auditLog(filter: { action: "retention_purge" }) { nodes { actorRole } } }', {}, admin);
    expect(audit.auditLog.nodes.map((n: any) => n.actorRole)).toEqual(['system', 'admin']);
    expect(await runRetentionCli(['--tenant', 'no-such-tenant'], env, () => {}, clock)).toBe(2);
  });
});
