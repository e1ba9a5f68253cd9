import sharp from 'sharp';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ManualClock } from '../../apps/api/src/common/clock';
import { OutboxService } from '../../apps/api/src/modules/outbox/outbox.service';
import { OutboxMessage } from '../../apps/api/src/modules/outbox/outbox.entity';
import { DeliveryWorker } from '../../apps/api/src/modules/notification/delivery.service';
import { Delivery } from '../../apps/api/src/modules/notification/notification.entity';
import { SlaScheduler } from '../../apps/api/src/modules/sla/sla.scheduler';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { startHttpReceiver, startSmtpServer } from '../support/mail-server';
import { ENABLE, PUBLISH, addDemoPolicyPeople, freshTenant } from './plugin-support';
import { bankPlugin } from '@redress/plugin-bank';
import { jewelryPlugin } from '@redress/plugin-jewelry';
import { DEMO_POLICY } from '../../apps/api/src/modules/policy/demo/demo-policy';
import { PolicyService } from '../../apps/api/src/modules/policy/policy.service';
import { AuthService } from '../../apps/api/src/modules/auth/auth.service';
import { Role } from '../../apps/api/src/common/auth/roles';
import { EmailIntakeService } from '../../apps/api/src/modules/notification/email-intake.service';
import { Complaint } from '../../apps/api/src/modules/complaint/complaint.entity';
import { createTransport } from 'nodemailer';

// Outbox, deliveries and SLA sweeps are driven by the test at known points.
process.env.REDRESS_WORKERS = '0';
process.env.REDRESS_WEBHOOK_DISABLE_AFTER = '3';

/** Monday 2025-03-03 10:00 in Shanghai. */
const MONDAY_10 = '2025-03-03T02:00:00.000Z';
const SMTP_USER = 'redress-mailer';
const SMTP_PASS = '邮件密码-s3cret!';
const SMS_SECRET = 'sms-signing-key-0123456789';

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id number state slaPolicy resolutionDueAt } }`;
const DELIVERIES = `query($f: DeliveryFilterInput) { deliveries(filter: $f, first: 200) { total items {
  id complaintId topic noticeKey channel recipientKind recipient templateKey subject body status attempts providerMessageId lastError idempotencyKey } } }`;
const TIMELINE = `query($id: ID!) { complaint(id: $id) { timeline { type data } } }`;
const EMAIL_SETTINGS = `mutation($i: EmailSettingsInput!, $p: String) { updateEmailSettings(input: $i, password: $p) { host port from intakeAddress hasPassword } }`;
const SMS_SETTINGS = `mutation($i: SmsSettingsInput!, $s: String) { updateSmsSettings(input: $i, secret: $s) { endpoint format hasSecret quietHours { start end } } }`;
const TRANSITION = `mutation($id: ID!, $to: String!) { transition(id: $id, to: $to) { state } }`;
const REPLY = `mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }`;

async function flush(t: TestApp): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    const queued = await t.app.get(OutboxService).drain(200);
    const sent = await t.app.get(DeliveryWorker).drain();
    if (!queued && !sent) return;
  }
}

describe.each(testDatabases())('notifications and channels on %s', (db) => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let handler: string;
  let manager: string;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let sms: Awaited<ReturnType<typeof startHttpReceiver>>;
  let seq = 0;

  const deliveries = async (filter: Record<string, unknown>) => (await t.gqlOk(DELIVERIES, { f: filter }, admin)).deliveries.items as any[];
  const submit = async (over: Record<string, unknown> = {}) => {
    seq += 1;
    return (
      await t.gqlOk(
        SUBMIT,
        {
          input: {
            channel: 'web',
            type: 'service.attitude',
            text: `门店店员态度冷淡，排队很久没人理（${seq}）`,
            complainant: { name: '张三', phone: `1390000${String(1000 + seq).slice(-4)}`, email: `zhang${seq}@example.cn` },
            ...over,
          },
        },
        agent,
      )
    ).submitComplaint;
  };
  const mailsTo = (address: string) => smtp.messages.filter((m) => m.envelope.to.includes(address));
  let configured = false;
  /** The tenant's SMTP server and SMS provider, as an admin sets them (once). */
  const configureChannels = async () => {
    if (configured) return;
    configured = true;
    const saved = (
      await t.gqlOk(
        EMAIL_SETTINGS,
        {
          i: {
            enabled: true,
            host: '127.0.0.1',
            port: smtp.port,
            secure: false,
            user: SMTP_USER,
            from: 'service@demo.example.cn',
            fromName: '演示公司客服中心',
            intakeAddress: 'complaints@demo.example.cn',
          },
          p: SMTP_PASS,
        },
        admin,
      )
    ).updateEmailSettings;
    expect(saved).toMatchObject({ hasPassword: true });
    expect(JSON.stringify(saved)).not.toContain(SMTP_PASS);
    await t.gqlOk(
      SMS_SETTINGS,
      {
        i: {
          enabled: true,
          endpoint: `${sms.url}/sms/send`,
          format: 'generic',
          signName: '演示公司',
          longMessages: 'concatenated',
          accessKeyId: 'demo-key',
        },
        s: SMS_SECRET,
      },
      admin,
    );
  };

  beforeAll(async () => {
    smtp = await startSmtpServer({ auth: { user: SMTP_USER, pass: SMTP_PASS } });
    sms = await startHttpReceiver();
    t = await createTestApp({ db, clock: new ManualClock(new Date(MONDAY_10)) });
    await t.seedDemo();
    [admin, agent, handler, manager] = await Promise.all(['admin', 'agent', 'handler', 'manager'].map((r) => t.login(`${r}@demo.local`)));
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await sms?.close();
  });

  it('never marks a message delivered that nothing delivered: it waits with the reason', async () => {
    const tenantId = (await t.gqlOk('{ currentTenant { id } }', {}, admin)).currentTenant.id;
    await t.dataSource.transaction((manager) =>
      t.app.get(OutboxService).enqueue(manager, { tenantId, kind: 'work_order', topic: 'work_order', payload: { order: 1 } }),
    );
    await flush(t);
    const [row] = await t.dataSource.getRepository(OutboxMessage).find({ where: { tenantId, kind: 'work_order' } });
    expect(row.status).toBe('waiting');
    expect(row.deliveredAt ?? null).toBeNull();
    expect(row.lastError).toMatch(/NO_ADAPTER/);
  });

  it('acknowledges a submitted complaint by e-mail and SMS: waits for settings, then sends with number, deadline, Chinese encoding and a Reply-To that threads back', async () => {
    const complaint = await submit();
    await flush(t);
    // No SMTP / SMS settings yet: pending with the reason, nothing pretended.
    const waiting = await deliveries({ complaintId: complaint.id, topic: 'complaint.submitted' });
    expect(waiting.map((d) => d.channel).sort()).toEqual(['email', 'sms']);
    expect(waiting.every((d) => d.status === 'pending')).toBe(true);
    expect(waiting.find((d) => d.channel === 'email').lastError).toMatch(/EMAIL_NOT_CONFIGURED/);
    expect(waiting.find((d) => d.channel === 'sms').lastError).toMatch(/SMS_NOT_CONFIGURED/);

    if (configured) throw new Error('this test needs the channels unconfigured at first: run it first');
    await configureChannels();
    await flush(t);

    const [mail] = mailsTo(`zhang${seq}@example.cn`);
    expect(mail, 'acknowledgement e-mail').toBeTruthy();
    expect(mail.user).toBe(SMTP_USER);
    expect(mail.parsed.subject).toContain(complaint.number);
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?/m); // encoded words, decoded back to the same Chinese text
    expect(mail.parsed.text).toContain(`编号 ${complaint.number}`);
    expect(mail.parsed.text).toContain('您的投诉已受理');
    expect(mail.parsed.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 前答复/); // the resolution deadline
    expect(mail.parsed.replyTo?.value[0].address).toBe(`complaints+${complaint.number}@demo.example.cn`);
    expect(mail.parsed.messageId).toContain(complaint.number);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.parsed.from?.value[0]).toMatchObject({ name: '演示公司客服中心', address: 'service@demo.example.cn' });

    const text = sms.requests.find((r) => JSON.parse(r.body).text.includes(complaint.number))!;
    expect(text, 'acknowledgement SMS').toBeTruthy();
    const body = JSON.parse(text.body);
    expect(body).toMatchObject({ to: `1390000${String(1000 + seq).slice(-4)}`, sign: '演示公司', accessKeyId: 'demo-key' });
    const expected = `v1=${createHmac('sha256', SMS_SECRET).update(`${text.headers['x-redress-timestamp']}.${text.body}`).digest('hex')}`;
    expect(text.headers['x-redress-signature']).toBe(expected);

    const sent = await deliveries({ complaintId: complaint.id, topic: 'complaint.submitted' });
    expect(sent.map((d) => d.status)).toEqual(['sent', 'sent']);
    const email = sent.find((d) => d.channel === 'email');
    expect(email).toMatchObject({ noticeKey: 'notice-ack', templateKey: 'ack_notice', attempts: 1, recipientKind: 'customer' });
    expect(email.recipient).not.toContain(`zhang${seq}@`); // masked
    expect(email.providerMessageId).toContain(complaint.number);
    const timeline = (await t.gqlOk(TIMELINE, { id: complaint.id }, admin)).complaint.timeline;
    expect(
      timeline
        .filter((e: any) => e.type === 'delivery.sent' && e.data.topic === 'complaint.submitted')
        .map((e: any) => e.data.channel)
        .sort(),
    ).toEqual(['email', 'sms']);
  });

  it('a reply sends the letter; an SMTP outage is retried and nothing is lost; an invalid address is dead with the reason', async () => {
    await configureChannels();
    const complaint = await submit();
    await flush(t);
    await t.gqlOk(TRANSITION, { id: complaint.id, to: 'in_progress' }, admin);
    smtp.state.reject = { code: 451, message: 'Temporary local problem' };
    await t.gqlOk(
      REPLY,
      {
        i: { complaintId: complaint.id, templateKey: 'reply_letter', solution: '已对当班店员进行服务培训', rootCause: '员工服务意识不足' },
      },
      admin,
    );
    await flush(t);
    let letter = (await deliveries({ complaintId: complaint.id, topic: 'complaint.reply' }))[0];
    expect(letter).toMatchObject({
      status: 'failed',
      attempts: 1,
      channel: 'email',
      templateKey: 'reply_letter',
      noticeKey: 'notice-reply-letter',
    });
    expect(letter.lastError).toMatch(/451/);
    smtp.state.reject = null;
    t.clock.advance(6_000); // the first retry is 5 s later
    await flush(t);
    letter = (await deliveries({ complaintId: complaint.id, topic: 'complaint.reply' }))[0];
    expect(letter).toMatchObject({ status: 'sent', attempts: 2 });
    const [mail] = mailsTo(`zhang${seq}@example.cn`).filter((m) => m.parsed.subject?.includes('答复函'));
    expect(mail.parsed.subject).toBe(`关于投诉 ${complaint.number} 的答复函`);
    expect(mail.parsed.text).toContain('员工服务意识不足');
    expect(mail.parsed.text).toContain('尊敬的张三');

    // A landline cannot take an SMS; a mailbox the server refuses (550) is not retried forever.
    smtp.state.reject = { code: 550, message: 'Mailbox unavailable' };
    const bad = await submit({ complainant: { name: '李四', phone: '010-62345678', email: 'nobody@example.cn' } });
    await flush(t);
    smtp.state.reject = null;
    const dead = await deliveries({ complaintId: bad.id, topic: 'complaint.submitted' });
    expect(dead.length).toBe(2);
    expect(dead.every((d) => d.status === 'dead' && d.attempts === 1)).toBe(true);
    expect(dead.find((d) => d.channel === 'email').lastError).toMatch(/550/);
    expect(dead.find((d) => d.channel === 'sms').lastError).toMatch(/INVALID_PHONE/);
    expect(dead.find((d) => d.channel === 'sms').lastError).not.toContain('62345678');
    const timeline = (await t.gqlOk(TIMELINE, { id: bad.id }, admin)).complaint.timeline;
    expect(timeline.filter((e: any) => e.type === 'delivery.dead' && e.data.topic === 'complaint.submitted').length).toBe(2);
  });

  it('issue 12 item 5: an internal (公司机密) template never reaches a customer, and an admin can set the flag', async () => {
    // The jewelry plugin's confidential approval form, on a tenant that runs the jewelry plugin.
    const shop = await freshTenant(t, 'jewelry');
    await t.gqlOk(ENABLE, { id: 'jewelry' }, shop.admin);
    await t.gqlOk(PUBLISH, { note: '启用珠宝插件' }, shop.admin);
    const demo = jewelryPlugin.demoComplaints.find((d) => d.type === 'jewelry_service')!;
    const jewelry = (
      await t.gqlOk(
        SUBMIT,
        {
          input: {
            type: demo.type,
            channel: demo.channel,
            text: demo.text,
            form: demo.form ?? {},
            complainant: { name: '王五', phone: '13900009999', email: 'wang@example.cn' },
          },
        },
        shop.admin,
      )
    ).submitComplaint;
    await t.gqlOk(TRANSITION, { id: jewelry.id, to: 'in_progress' }, shop.admin);
    const refused = await t.gql(
      REPLY,
      { i: { complaintId: jewelry.id, templateKey: 'jewelry_return_approval', solution: '退货', rootCause: '质量' } },
      shop.admin,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INTERNAL_TEMPLATE',
      field: 'input.templateKey',
    });
    await flush(t);
    const queued = await t.dataSource.getRepository(OutboxMessage).find({ where: { complaintId: jewelry.id, kind: 'notification' } });
    expect(queued).toEqual([]);
    expect(
      await t.dataSource
        .getRepository(Delivery)
        .count({ where: { complaintId: jewelry.id, recipientKind: 'customer', topic: 'complaint.reply' } }),
    ).toBe(0);

    // The admin marks a template internal; from the next version on it is refused too.
    const draft = (await t.gqlOk('{ draftPolicy { templates { key name { zh en } kind subject body } } }', {}, admin)).draftPolicy;
    const letter = draft.templates.find((x: any) => x.key === 'reply_letter');
    const marked = (
      await t.gqlOk(
        'mutation($i: ReplyTemplateInput!) { upsertReplyTemplate(input: $i) { key internal } }',
        { i: { ...letter, internal: true } },
        admin,
      )
    ).upsertReplyTemplate;
    expect(marked).toEqual({ key: 'reply_letter', internal: true });
    await t.gqlOk(PUBLISH, { note: '答复函改为内部' }, admin);
    const c = await submit();
    await t.gqlOk(TRANSITION, { id: c.id, to: 'in_progress' }, admin);
    const again = await t.gql(REPLY, { i: { complaintId: c.id, templateKey: 'reply_letter', solution: 'x', rootCause: 'y' } }, admin);
    expect(again.errors?.[0].extensions?.reason).toBe('INTERNAL_TEMPLATE');
    // A notice rule sending an internal template to a customer is a policy problem.
    await t.gqlOk(
      'mutation($i: NoticeRuleInput!) { upsertNoticeRule(input: $i) { key } }',
      {
        i: {
          key: 'bad-notice',
          name: { zh: '错误' },
          event: 'complaint.submitted',
          to: 'customer',
          channels: ['email'],
          template: 'overdue_alert',
        },
      },
      admin,
    );
    const problems = (await t.gqlOk('{ validatePolicyDraft { problems { path code } } }', {}, admin)).validatePolicyDraft.problems;
    expect(problems).toContainEqual({ path: 'notices[bad-notice].template', code: 'INTERNAL_TEMPLATE' });
    await t.gqlOk('mutation { deleteNoticeRule(key: "bad-notice") }', {}, admin);
    await t.gqlOk(
      'mutation($i: ReplyTemplateInput!) { upsertReplyTemplate(input: $i) { key } }',
      { i: { ...letter, internal: false } },
      admin,
    );
    await t.gqlOk(PUBLISH, { note: '恢复答复函' }, admin);
  });

  it('issue 12 item 10: the extension notice is the one of the complaint’s SLA policy, not a template whose name says 延期', async () => {
    // The demo's policy beside the bank plugin's deadline, letter (延期处理告知书, "我行…") and its notice rule.
    const tenant = await freshTenant(t, 'demo-and-bank');
    const demoPolicy = { ...DEMO_POLICY, tests: [] };
    await t.app.get(PolicyService).replaceDraft(
      tenant.tenantId,
      {
        ...demoPolicy,
        slaPolicies: [...demoPolicy.slaPolicies, ...bankPlugin.slaPolicies],
        templates: [...demoPolicy.templates, ...bankPlugin.templates],
        notices: [...(demoPolicy.notices ?? []), ...(bankPlugin.notices ?? [])],
      },
      undefined,
    );
    await addDemoPolicyPeople(t, tenant.tenantId);
    await t.gqlOk(PUBLISH, { note: '演示策略 + 银行时限' }, tenant.admin);
    await t.app.get(AuthService).createUser({
      tenantId: tenant.tenantId,
      email: `manager@${tenant.tenantId}.local`,
      password: 'demo1234',
      displayName: '经理',
      role: Role.manager,
    });
    const approver = await t.login(`manager@${tenant.tenantId}.local`);
    const c = (
      await t.gqlOk(
        SUBMIT,
        {
          input: {
            channel: 'regulator',
            type: 'billing',
            text: '多收取了年费，监管转来',
            form: { amount: 300 },
            complainant: { name: '赵六', phone: '13900008888' },
          },
        },
        tenant.admin,
      )
    ).submitComplaint;
    expect(c.slaPolicy).toBe('regulatory');
    await t.gqlOk(
      `mutation($id: ID!) { extendDeadline(complaintId: $id, target: "regulatory_answer", reason: "需调取交易流水") { status } }`,
      { id: c.id },
      approver,
    );
    const notices = await t.dataSource.getRepository(OutboxMessage).find({ where: { complaintId: c.id, topic: 'sla.extended' } });
    expect(notices.map((n) => n.payload.template)).toEqual(['extension_notice']);
    t.clock.advance(24 * 3_600_000);
    await flush(t);
    const rows = await t.dataSource.getRepository(Delivery).find({ where: { complaintId: c.id, topic: 'sla.extended' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((d) => d.templateKey === 'extension_notice' && !d.body.includes('我行'))).toBe(true);
    expect(rows[0].body).toContain('需调取交易流水');
    t.clock.set(MONDAY_10);
  });

  it('a breach notifies the department manager by e-mail and in-app', async () => {
    await configureChannels();
    t.clock.set(MONDAY_10);
    const c = await submit();
    await flush(t);
    t.clock.advance(8 * 24 * 3_600_000); // far past the 3-working-day resolution deadline
    for (let i = 0; i < 4; i += 1) await t.app.get(SlaScheduler).tick();
    await flush(t);
    const notices = (await deliveries({ complaintId: c.id })).filter((d) => d.topic === 'escalation.breach');
    expect(notices.map((d) => d.channel).sort()).toEqual(expect.arrayContaining(['email', 'in_app']));
    expect(notices.every((d) => d.status === 'sent')).toBe(true);
    const mail = mailsTo('manager@demo.local').find((m) => m.parsed.text?.includes(c.number) && m.parsed.text?.includes('已超过处理时限'));
    expect(mail, 'breach e-mail to the manager').toBeTruthy();
    const bell = await t.gqlOk(
      '{ unreadNotificationCount myNotifications(unreadOnly: true, first: 200) { id kind complaintId title } }',
      {},
      manager,
    );
    const breach = bell.myNotifications.find((n: any) => n.kind === 'breach' && n.complaintId === c.id);
    expect(breach).toBeTruthy();
    expect(bell.unreadNotificationCount).toBeGreaterThanOrEqual(1);
    expect(
      (await t.gqlOk('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [breach.id] }, manager)).markNotificationsRead,
    ).toBe(1);
    expect((await t.gqlOk('{ unreadNotificationCount }', {}, manager)).unreadNotificationCount).toBe(bell.unreadNotificationCount - 1);
    // Another user's notices are not the manager's to read.
    expect(
      (await t.gqlOk('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }', { ids: [breach.id] }, handler)).markNotificationsRead,
    ).toBe(0);
  });

  it('holds customer SMS in the quiet hours and sends them when they end', async () => {
    await configureChannels();
    await t.gqlOk(
      SMS_SETTINGS,
      {
        i: {
          enabled: true,
          endpoint: `${sms.url}/sms/send`,
          format: 'generic',
          longMessages: 'split',
          quietHours: { start: '21:00', end: '08:00' },
        },
      },
      admin,
    );
    t.clock.set('2025-03-04T14:00:00.000Z'); // 22:00 in Shanghai
    const c = await submit();
    await flush(t);
    const held = (await deliveries({ complaintId: c.id, channel: 'sms', topic: 'complaint.submitted' }))[0];
    expect(held).toMatchObject({ status: 'pending', attempts: 0 });
    expect(held.lastError).toMatch(/QUIET_HOURS/);
    expect((await deliveries({ complaintId: c.id, channel: 'email', topic: 'complaint.submitted' }))[0].status).toBe('sent'); // e-mail is not held
    t.clock.set('2025-03-05T00:00:30.000Z'); // 08:00:30
    await flush(t);
    const sent = (await deliveries({ complaintId: c.id, channel: 'sms', topic: 'complaint.submitted' }))[0];
    expect(sent.status).toBe('sent');
    expect(sent.recipient).toMatch(/segments?\)/);
    t.clock.set(MONDAY_10);
  });

  it('an SMS endpoint that is down is retried with back-off and the message goes out once it is back', async () => {
    await configureChannels();
    let up = false;
    const provider = await startHttpReceiver(() => (up ? 200 : 503));
    try {
      await t.gqlOk(
        SMS_SETTINGS,
        {
          i: {
            enabled: true,
            endpoint: `${provider.url}/send`,
            format: 'tencent',
            signName: '演示公司',
            accessKeyId: '1400000000',
            longMessages: 'concatenated',
          },
          s: SMS_SECRET,
        },
        admin,
      );
      const c = await submit();
      await flush(t);
      let sms = (await deliveries({ complaintId: c.id, channel: 'sms', topic: 'complaint.submitted' }))[0];
      expect(sms).toMatchObject({ status: 'failed', attempts: 1 });
      expect(sms.lastError).toMatch(/503/);
      up = true;
      t.clock.advance(6_000);
      await flush(t);
      sms = (await deliveries({ complaintId: c.id, channel: 'sms', topic: 'complaint.submitted' }))[0];
      expect(sms).toMatchObject({ status: 'sent', attempts: 2 });
      const ok = provider.requests.filter((r) => r.status === 200).map((r) => JSON.parse(r.body));
      expect(ok).toHaveLength(1);
      // The documented Tencent Cloud SendSms body.
      expect(ok[0]).toMatchObject({
        PhoneNumberSet: [expect.stringMatching(/^\+861390000/)],
        SignName: '演示公司',
        SmsSdkAppId: '1400000000',
      });
      expect(ok[0].TemplateParamSet[0]).toContain(c.number);
      // Both attempts carried the same reference: the provider can drop a duplicate.
      expect(new Set(provider.requests.map((r) => JSON.parse(r.body).SessionContext)).size).toBe(1);
    } finally {
      await t.gqlOk(
        SMS_SETTINGS,
        {
          i: {
            enabled: true,
            endpoint: `${sms.url}/sms/send`,
            format: 'generic',
            signName: '演示公司',
            longMessages: 'concatenated',
            accessKeyId: 'demo-key',
          },
          s: SMS_SECRET,
        },
        admin,
      );
      await provider.close();
    }
  });

  it('tells the manager in-app and by e-mail that an approval waits; secrets never show', async () => {
    await configureChannels();
    const c = await submit({ channel: 'regulator', type: 'billing', text: '监管转来的收费争议', form: { amount: 100 } });
    await t.gqlOk(TRANSITION, { id: c.id, to: 'in_progress' }, admin);
    const proposed = (
      await t.gqlOk(
        'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }',
        { i: { complaintId: c.id, body: '退还多收费用 100 元' } },
        handler,
      )
    ).replyToComplaint;
    expect(proposed.state).toBe('awaiting_approval');
    await flush(t);
    const approval = await deliveries({ complaintId: c.id, topic: 'approval.requested' });
    expect(approval.map((d) => d.channel).sort()).toEqual(['email', 'in_app']);
    expect(approval.every((d) => d.status === 'sent')).toBe(true);
    const bell = (await t.gqlOk('{ myNotifications(unreadOnly: true, first: 200) { kind complaintId title } }', {}, manager))
      .myNotifications;
    expect(bell).toContainEqual(expect.objectContaining({ kind: 'approval', complaintId: c.id }));
    const everything =
      JSON.stringify(await deliveries({})) +
      JSON.stringify(await t.gqlOk('{ emailSettings { host user hasPassword } smsSettings { endpoint hasSecret } }', {}, admin));
    expect(everything).not.toContain(SMTP_PASS);
    expect(everything).not.toContain(SMS_SECRET);
  });

  it('a webhook receiver down for a while gets every event afterwards: signed, 0 lost, 0 duplicated; auto-disabled with a notice to the admin', async () => {
    let up = false;
    const receiver = await startHttpReceiver(() => (up ? 200 : 503));
    try {
      const created = (
        await t.gqlOk(
          `mutation($i: WebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { secret subscription { id active } } }`,
          { i: { url: `${receiver.url}/hooks`, events: ['complaint.submitted', 'sla.breached'] } },
          admin,
        )
      ).createWebhookSubscription;
      const { secret, subscription } = created;
      const submitted = [];
      for (let i = 0; i < 5; i += 1) submitted.push(await submit());
      for (let round = 0; round < 6; round += 1) {
        await flush(t);
        t.clock.advance(10 * 60_000);
      }
      const state = (
        await t.gqlOk('{ webhookSubscriptions { id active disabledReason consecutiveFailures } }', {}, admin)
      ).webhookSubscriptions.find((s: any) => s.id === subscription.id);
      expect(state.active).toBe(false);
      expect(state.disabledReason).toMatch(/failed attempts in a row/);
      const bell = (await t.gqlOk('{ myNotifications(first: 50) { kind title } }', {}, admin)).myNotifications;
      expect(bell.some((n: any) => n.kind === 'webhook_disabled')).toBe(true);
      const waiting = await deliveries({ recipientRef: subscription.id });
      expect(waiting.filter((d) => d.status === 'dead')).toEqual([]);

      up = true;
      await t.gqlOk(
        'mutation($id: ID!) { updateWebhookSubscription(id: $id, input: { active: true }) { active } }',
        { id: subscription.id },
        admin,
      );
      await flush(t);
      const ok = receiver.requests.filter((r) => r.status === 200);
      const numbers = ok.map((r) => JSON.parse(r.body).data.complaint.number).filter((n: string) => submitted.some((c) => c.number === n));
      expect(numbers.sort()).toEqual(submitted.map((c) => c.number).sort()); // 0 lost, 0 duplicated
      const keys = ok.map((r) => r.headers['idempotency-key']);
      expect(new Set(keys).size).toBe(keys.length);
      // Retries carried the same key as the first attempt.
      const failedKeys = new Set(receiver.requests.filter((r) => r.status !== 200).map((r) => r.headers['idempotency-key']));
      expect([...failedKeys].every((k) => keys.includes(k))).toBe(true);
      // The documented verification snippet.
      for (const r of ok) {
        const timestamp = String(r.headers['x-redress-timestamp']);
        const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex')}`);
        const given = Buffer.from(String(r.headers['x-redress-signature']));
        expect(given.length === expected.length && timingSafeEqual(given, expected)).toBe(true);
        expect(r.headers['x-redress-event']).toBe('complaint.submitted');
      }
      // Replay from the console sends them again with the same keys (the receiver can drop them).
      const replayed = (
        await t.gqlOk(
          'mutation($i: ReplayDeliveriesInput!) { replayDeliveries(input: $i) }',
          { i: { recipientRef: subscription.id, statuses: ['sent'] } },
          admin,
        )
      ).replayDeliveries;
      expect(replayed).toBe(5);
      await flush(t);
      const again = receiver.requests.filter((r) => r.status === 200).map((r) => r.headers['idempotency-key']);
      expect(new Set(again).size).toBe(5);
    } finally {
      await receiver.close();
    }
  });

  it('a receiver that hangs costs its own time limit, not the other deliveries', async () => {
    await configureChannels();
    process.env.REDRESS_WEBHOOK_TIMEOUT_MS = '300';
    const hanging = await startHttpReceiver(() => new Promise<number>(() => undefined));
    try {
      await t.gqlOk(
        `mutation($i: WebhookSubscriptionInput!) { createWebhookSubscription(input: $i) { secret } }`,
        { i: { url: `${hanging.url}/slow`, events: ['complaint.submitted'] } },
        admin,
      );
      const c = await submit();
      const started = Date.now();
      await flush(t);
      expect(Date.now() - started).toBeLessThan(5_000);
      const rows = await deliveries({ complaintId: c.id });
      expect(rows.find((d) => d.channel === 'email' && d.topic === 'complaint.submitted').status).toBe('sent');
      expect(rows.find((d) => d.channel === 'webhook' && d.lastError?.includes('no answer within 300 ms'))).toBeTruthy();
    } finally {
      delete process.env.REDRESS_WEBHOOK_TIMEOUT_MS;
      await hanging.close();
    }
  });

  it('lists deliveries by filter; an admin retries a dead one; other roles may not', async () => {
    const dead = (await deliveries({ status: 'dead' }))[0];
    expect(dead).toBeTruthy();
    const denied = await t.gql('mutation($id: ID!) { retryDelivery(id: $id) { status } }', { id: dead.id }, handler);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const retried = (await t.gqlOk('mutation($id: ID!) { retryDelivery(id: $id) { status attempts } }', { id: dead.id }, admin))
      .retryDelivery;
    expect(retried).toEqual({ status: 'pending', attempts: 0 });
    const sent = (await deliveries({ status: 'sent' }))[0];
    const notRetryable = await t.gql('mutation($id: ID!) { retryDelivery(id: $id) { status } }', { id: sent.id }, admin);
    expect(notRetryable.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_RETRYABLE' });
    const rows = await t.dataSource.getRepository(Delivery).count();
    expect(rows).toBeGreaterThan(0);
  });

  it('e-mail intake: a mail to the intake address becomes a complaint, the customer’s answer threads onto it; auto-replies, oversized mail and unknown mailboxes are refused or dropped', async () => {
    await configureChannels();
    process.env.REDRESS_INTAKE_MAX_BYTES = String(200 * 1024);
    process.env.REDRESS_INTAKE_MAX_ATTACHMENTS = '2';
    const intake = t.app.get(EmailIntakeService);
    const port = await intake.listen(0, '127.0.0.1');
    const client = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    try {
      await client.sendMail({
        from: '钱七 <qian7@example.cn>',
        to: 'complaints@demo.example.cn',
        subject: '快递延误三天无人处理',
        text: '我在贵公司下的订单已经延误三天，客服电话一直打不通，请尽快处理。',
        // A real picture is kept as an attachment; a program renamed .jpg is refused by its content, the mail is not lost.
        attachments: [
          {
            filename: '截图.png',
            content: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
              .png()
              .toBuffer(),
          },
          { filename: 'invoice.jpg', content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]) },
        ],
      });
      // the title is encrypted at rest: matched after loading (decrypted), not in SQL
      const complaint = (await t.dataSource.getRepository(Complaint).find({ where: { channel: 'email' } })).find(
        (c) => c.title === '快递延误三天无人处理',
      )!;
      expect(complaint.text).toContain('延误三天');
      expect(complaint.attachments).toHaveLength(1);
      const view = (
        await t.gqlOk(
          'query($id: ID!) { complaint(id: $id) { complainant { name email } channel files { id filename mimeType source thumbnailUrl } timeline { type data } } }',
          { id: complaint.id },
          admin,
        )
      ).complaint;
      expect(view).toMatchObject({ channel: 'email', complainant: { name: '钱七', email: 'qian7@example.cn' } });
      expect(view.files).toEqual([
        expect.objectContaining({
          id: complaint.attachments[0],
          filename: '截图.png',
          mimeType: 'image/png',
          source: 'email',
          thumbnailUrl: expect.stringMatching(/^\/files\?t=/),
        }),
      ]);
      expect(view.timeline.find((e: { type: string }) => e.type === 'attachment.refused').data.files).toEqual([
        expect.objectContaining({ filename: 'invoice.jpg', reason: 'TYPE_NOT_ALLOWED' }),
      ]);

      await flush(t);
      const [ack] = mailsTo('qian7@example.cn');
      expect(ack.parsed.subject).toContain(complaint.number);
      // The customer answers the acknowledgement: to its Reply-To, In-Reply-To its Message-ID, quoting it.
      await client.sendMail({
        from: 'qian7@example.cn',
        to: ack.parsed.replyTo!.value[0].address!,
        subject: `Re: ${ack.parsed.subject}`,
        inReplyTo: ack.parsed.messageId,
        references: [ack.parsed.messageId!],
        text: `补充：快递单号 SF123456789。\n\n在 2025年3月3日 写道：\n> ${ack.parsed.text}`,
      });
      // Threaded by Message-ID alone as well (a client that drops the plus tag).
      await client.sendMail({
        from: 'qian7@example.cn',
        to: 'complaints@demo.example.cn',
        subject: '再补充',
        inReplyTo: ack.parsed.messageId,
        text: '今天已收到快递，谢谢。',
      });
      const count = await t.dataSource.getRepository(Complaint).count({ where: { channel: 'email' } });
      expect(count).toBe(1);
      const timeline = (await t.gqlOk(TIMELINE, { id: complaint.id }, admin)).complaint.timeline;
      const replies = timeline.filter((e: any) => e.type === 'customer.replied');
      expect(replies.map((e: any) => e.data.text)).toEqual(['补充：快递单号 SF123456789。', '今天已收到快递，谢谢。']);

      // An out-of-office answer is accepted and dropped: no complaint, no reply loop.
      await client.sendMail({
        from: 'someone@example.cn',
        to: 'complaints@demo.example.cn',
        subject: '自动回复：休假中',
        text: '我正在休假',
        headers: { 'Auto-Submitted': 'auto-replied' },
      });
      expect(await t.dataSource.getRepository(Complaint).count({ where: { channel: 'email' } })).toBe(1);

      const big = client.sendMail({
        from: 'big@example.cn',
        to: 'complaints@demo.example.cn',
        subject: '大附件',
        text: 'x',
        attachments: [{ filename: 'big.bin', content: Buffer.alloc(300 * 1024, 1) }],
      });
      await expect(big).rejects.toMatchObject({ responseCode: 552 });
      const many = client.sendMail({
        from: 'many@example.cn',
        to: 'complaints@demo.example.cn',
        subject: '多附件',
        text: 'x',
        attachments: [1, 2, 3].map((i) => ({ filename: `${i}.txt`, content: `file ${i}` })),
      });
      await expect(many).rejects.toMatchObject({ responseCode: 552 });
      const unknown = client.sendMail({ from: 'a@example.cn', to: 'nobody@demo.example.cn', subject: 'x', text: 'x' });
      await expect(unknown).rejects.toMatchObject({ responseCode: 550 });
      expect(await t.dataSource.getRepository(Complaint).count({ where: { channel: 'email' } })).toBe(1);
    } finally {
      client.close();
      await intake.close();
      delete process.env.REDRESS_INTAKE_MAX_BYTES;
      delete process.env.REDRESS_INTAKE_MAX_ATTACHMENTS;
    }
  });
});
