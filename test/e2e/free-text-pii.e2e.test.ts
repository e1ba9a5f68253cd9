import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { submit } from '../support/complaints';

const PHONE = '13812345678';
const ID_CARD = '11010519491231002X';
const BANK_CARD = '6222020200000000006';
const EMAIL = 'zhang.san@example.com';
const TEXT = `营业员态度差。请回电 ${PHONE}，身份证 ${ID_CARD}，退款到卡 ${BANK_CARD}，或发邮件 ${EMAIL}。`;
const PLAIN = [PHONE, ID_CARD, BANK_CARD, EMAIL];
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
      const created = await t.gqlOk('mutation($n: String!, $r: Role!) { createApiToken(name: $n, role: $r) { secret } }', { n: `pii-${role}`, r: role }, tokens.admin);
      tokens[role] = created.createApiToken.secret;
    }
    const complaint = await submit(t, tokens.agent, {
      channel: 'phone', type: 'service.attitude', title: `回电 ${PHONE}`, text: TEXT,
      form: { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' },
    });
    complaintId = complaint.id;
    await t.gqlOk('mutation($id: ID!, $t: String!) { addComment(id: $id, text: $t) { id } }', { id: complaintId, t: `客户补充：备用邮箱 ${EMAIL}` }, tokens.agent);
    await t.gqlOk('mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id: complaintId }, tokens.handler);
    await t.gqlOk('mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }', {
      i: { complaintId, templateKey: 'reply_letter', solution: `已致电 ${PHONE} 道歉，款项退回尾号 ${BANK_CARD.slice(-4)} 的卡 ${BANK_CARD}`, rootCause: '员工服务意识不足' },
    }, tokens.handler);
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
      expect(complaint.text, role).toBe('营业员态度差。请回电 138****5678，身份证 1101**********002X，退款到卡 ****0006，或发邮件 z***@example.com。');
      expect(complaint.title, role).toBe('回电 138****5678');
      const everything = JSON.stringify(complaint);
      for (const plain of PLAIN) expect(everything, `${role} sees ${plain}`).not.toContain(plain);
      expect(everything, role).toContain('z***@example.com');
    }
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
  });
});
