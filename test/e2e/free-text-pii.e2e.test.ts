import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { submit } from '../support/complaints';
import { ManualClock } from '../../apps/api/src/common/clock';
import { FreeTextBackfill } from '../../apps/api/src/modules/ops/privacy/free-text-backfill';
import { FreeTextAtRest1765001100001 } from '../../apps/api/src/database/migrations/1765001100001-FreeTextAtRest';

const PHONE = '13812345678';
const ID_CARD = '11010519491231002X';
const BANK_CARD = '6222020200000000006';
const EMAIL = 'zhang.san@example.com';
const TEXT = `营业员态度差。请回电 ${PHONE}，身份证 ${ID_CARD}，退款到卡 ${BANK_CARD}，或发邮件 ${EMAIL}。`;
const PLAIN = [PHONE, ID_CARD, BANK_CARD, EMAIL];
/** Every table that holds complaint free text or what was rendered from it. */
const FREE_TEXT_TABLES = [
  'complaint',
  'complaint_event',
  'complaint_reply',
  'complaint_task',
  'outbox_message',
  'delivery',
  'staff_notification',
  'customer',
];
const VIEW = `query($id: ID!) { complaint(id: $id) { text title timeline { type data } replies { body } } }`;

describe.each(testDatabases())('personal data in free text on %s', (db) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let complaintId: string;

  beforeAll(async () => {
    t = await createTestApp({ db });
    await t.seedDemo();
    for (const who of ['agent', 'handler', 'manager', 'admin', 'analyst']) tokens[who] = await t.login(`${who}@demo.local`);
    for (const role of ['auditor', 'api_client', 'expert']) {
      const created = await t.gqlOk(
        'mutation($n: String!, $r: Role!) { createApiToken(name: $n, role: $r) { secret } }',
        { n: `pii-${role}`, r: role },
        tokens.admin,
      );
      tokens[role] = created.createApiToken.secret;
    }
    const complaint = await submit(t, tokens.agent, {
      channel: 'phone',
      type: 'service.attitude',
      title: `回电 ${PHONE}`,
      text: TEXT,
      form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
    });
    complaintId = complaint.id;
    await t.gqlOk(
      'mutation($id: ID!, $t: String!) { addComment(id: $id, text: $t) { id } }',
      { id: complaintId, t: `客户补充：备用邮箱 ${EMAIL}` },
      tokens.agent,
    );
    await t.gqlOk('mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id: complaintId }, tokens.handler);
    await t.gqlOk(
      'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }',
      {
        i: {
          complaintId,
          templateKey: 'reply_letter',
          solution: `已致电 ${PHONE} 道歉，款项退回尾号 ${BANK_CARD.slice(-4)} 的卡 ${BANK_CARD}`,
          rootCause: '员工服务意识不足',
        },
      },
      tokens.handler,
    );
  });
  afterAll(() => t?.close());

  it('shows the text, comments and replies in full to the roles that work complaints', async () => {
    for (const role of ['agent', 'handler', 'manager', 'admin']) {
      const { complaint } = await t.gqlOk(VIEW, { id: complaintId }, tokens[role]);
      expect(complaint.text, role).toBe(TEXT);
      expect(complaint.title, role).toBe(`回电 ${PHONE}`);
      expect(JSON.stringify(complaint.timeline), role).toContain(EMAIL);
      expect(complaint.replies[0].body, role).toContain(BANK_CARD);
    }
  });

  it('masks phone, ID-card, bank-card and e-mail in free text for roles without personal-data rights', async () => {
    for (const role of ['analyst', 'auditor', 'api_client', 'expert']) {
      const { complaint } = await t.gqlOk(VIEW, { id: complaintId }, tokens[role]);
      expect(complaint.text, role).toBe(
        '营业员态度差。请回电 138****5678，身份证 1101**********002X，退款到卡 ****0006，或发邮件 z***@example.com。',
      );
      expect(complaint.title, role).toBe('回电 138****5678');
      const everything = JSON.stringify(complaint);
      for (const plain of PLAIN) expect(everything, `${role} sees ${plain}`).not.toContain(plain);
      expect(everything, role).toContain('z***@example.com');
    }
  });

  it('stores the free text encrypted: no table row holds a plain phone, ID-card, bank-card number or e-mail', async () => {
    for (const table of FREE_TEXT_TABLES) {
      const rows = await t.dataSource.query(`SELECT * FROM ${table}`);
      const raw = JSON.stringify(rows);
      for (const plain of PLAIN) expect(raw, `${table} holds ${plain}`).not.toContain(plain);
    }
    const [row] = await t.dataSource.query(`SELECT text, title, facts FROM complaint WHERE id = '${complaintId}'`);
    expect(row.text).toMatch(/^enc:v1:/);
    expect(row.title).toMatch(/^enc:v1:/);
    expect(JSON.parse(row.facts).complaint.text).toMatch(/^enc:v1:/);
    // what the database may still filter and group on stays readable
    expect(JSON.parse(row.facts).complaint.type).toBe('service.attitude');
  });

  it('widens the title and subject columns for ciphertext without losing a row (migration down and up on data)', async () => {
    const titleOf = async () => (await t.dataSource.query(`SELECT title FROM complaint WHERE id = '${complaintId}'`))[0].title as string;
    const before = await titleOf();
    const [reply] = await t.dataSource.query(`SELECT subject FROM complaint_reply WHERE complaint_id = '${complaintId}'`);
    const migration = new FreeTextAtRest1765001100001();
    const runner = t.dataSource.createQueryRunner();
    try {
      // down narrows to varchar(300): the stored ciphertext must fit for the round trip, so store a short title first
      await t.dataSource.query(`UPDATE complaint SET title = 'short' WHERE id = '${complaintId}'`);
      await t.dataSource.query(`UPDATE complaint_reply SET subject = 'short' WHERE complaint_id = '${complaintId}'`);
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await titleOf()).toBe('short');
    await t.dataSource.query(`UPDATE complaint SET title = '${before}' WHERE id = '${complaintId}'`);
    await t.dataSource.query(
      `UPDATE complaint_reply SET subject = ${reply.subject === null ? 'NULL' : `'${reply.subject}'`} WHERE complaint_id = '${complaintId}'`,
    );
    expect(await titleOf()).toBe(before);
    expect((await t.gqlOk(VIEW, { id: complaintId }, tokens.agent)).complaint.title).toBe(`回电 ${PHONE}`);
  });

  it('still finds complaints by words of their (encrypted) text', async () => {
    const query = 'query($t: String!) { complaints(filter: { text: $t }) { totalCount edges { node { id } } } }';
    const found = await t.gqlOk(query, { t: '营业员态度' }, tokens.agent);
    expect(found.complaints.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(complaintId);
    expect((await t.gqlOk(query, { t: '不存在的词语组合' }, tokens.agent)).complaints.totalCount).toBe(0);
  });

  it('reads rows written before encryption at rest, and the backfill encrypts them', async () => {
    const legacy = await submit(t, tokens.agent, {
      channel: 'phone',
      type: 'service.attitude',
      text: `旧数据 ${PHONE}`,
      form: { staff_name: '小李', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
    });
    await t.dataSource.query(`UPDATE complaint SET text = '旧数据 ${PHONE}' WHERE id = '${legacy.id}'`);
    await t.dataSource.query(
      `UPDATE complaint_event SET data = '{"text":"旧备注 ${PHONE}"}' WHERE complaint_id = '${legacy.id}' AND type = 'received'`,
    );
    const view = `query($id: ID!) { complaint(id: $id) { text timeline { type data } } }`;
    const before = await t.gqlOk(view, { id: legacy.id }, tokens.agent);
    expect(before.complaint.text).toBe(`旧数据 ${PHONE}`);
    expect((await t.gqlOk(view, { id: legacy.id }, tokens.analyst)).complaint.text).toBe('旧数据 138****5678');
    const counts = await t.app.get(FreeTextBackfill).run();
    expect(counts.complaint).toBe(1);
    expect(counts.complaint_event).toBe(1);
    const [row] = await t.dataSource.query(`SELECT text FROM complaint WHERE id = '${legacy.id}'`);
    expect(row.text).toMatch(/^enc:v1:/);
    const after = await t.gqlOk(view, { id: legacy.id }, tokens.agent);
    // The same text and timeline entries as before the backfill (a notice delivered meanwhile may add one).
    expect(after.complaint.text).toBe(before.complaint.text);
    expect(after.complaint.timeline).toEqual(expect.arrayContaining(before.complaint.timeline));
    expect(await t.app.get(FreeTextBackfill).run()).toMatchObject({ complaint: 0, complaint_event: 0 });
  });

  it('writes exports owner-only (0600) and masks free text in the analyst’s export', async () => {
    const list = 'mutation { exportComplaints(format: CSV) { id url status } }';
    const { exportComplaints: job } = await t.gqlOk(list, {}, tokens.analyst);
    let status = job.status;
    for (let i = 0; i < 100 && status !== 'done'; i += 1) {
      status = (await t.gqlOk('query($id: ID!) { exportJob(id: $id) { status } }', { id: job.id }, tokens.analyst)).exportJob.status;
      if (status !== 'done') await new Promise((r) => setTimeout(r, 50));
    }
    const csv = await (await fetch(`${t.url}${job.url}`, { headers: { authorization: `Bearer ${tokens.analyst}` } })).text();
    expect(csv).toContain('回电 138****5678');
    expect(csv).not.toContain(PHONE);
    const directory = join(t.config.dataDir, 'exports');
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    const files = readdirSync(directory);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(statSync(join(directory, file)).mode & 0o777, file).toBe(0o600);

    // every download is audited; the link dies with the job's expiry even before the sweep removes the file
    const audit = await t.gqlOk(
      'query($k: String!) { auditLog(filter: { action: "export_downloaded", entityKey: $k }) { nodes { actorRole after } } }',
      { k: job.id },
      tokens.admin,
    );
    expect(audit.auditLog.nodes).toEqual([{ actorRole: 'analyst', after: expect.objectContaining({ personal: false, format: 'csv' }) }]);
    const noToken = await fetch(`${t.url}${job.url}`);
    expect(noToken.status).toBe(401);
    (t.clock as ManualClock).advance(24 * 3600_000 + 1000);
    const expired = await fetch(`${t.url}${job.url}`, { headers: { authorization: `Bearer ${tokens.analyst}` } });
    expect(expired.status).toBe(404);
    expect((await expired.json()).reason).toBe('EXPORT_EXPIRED');
    (t.clock as ManualClock).advance(-(24 * 3600_000 + 1000));
  });
});
