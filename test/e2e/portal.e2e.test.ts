import sharp from 'sharp';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { submit } from '../support/complaints';
import { Complaint } from '../../apps/api/src/modules/complaint/complaint.entity';
import { PortalAccess } from '../../apps/api/src/modules/portal/portal.entity';
import { solveChallenge } from '../../apps/api/src/modules/portal/proof-of-work';
import { DeliveryWorker } from '../../apps/api/src/modules/notification/delivery.service';
import { startSmtpServer } from '../support/mail-server';

// Wednesday 25 Nov 2026, 10:00 in Shanghai: a working day.
const START = new Date('2026-11-25T02:00:00Z');
const FORM = { staff_name: '小王', outlet: 'bj_chaoyang', expected_remedy: 'apology' };

/**
 * The complainant's portal over real HTTP on both databases: unknown tenant, form, uploads checked by content,
 * idempotent submission, number + code access without enumeration and with throttling, proof-of-work near the
 * limits, the customer-visible view (no internal notes), signed links (tenant, role, expiry), customer actions.
 */
describe.each(testDatabases())('complainant portal on %s', (db) => {
  let t: TestApp;
  let clock: ManualClock;
  let handler: string;
  let agent: string;
  let photo: Buffer;

  beforeAll(async () => {
    clock = new ManualClock(START);
    t = await createTestApp({ db, clock });
    await t.seedDemo();
    [handler, agent] = await Promise.all(['handler', 'agent'].map((who) => t.login(`${who}@demo.local`)));
    photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer();
  });
  // Servers a test starts close after the API: the API's pooled SMTP connection would hold the mail server's close.
  const afterApp: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await t?.close();
    for (const close of afterApp) await close();
  });

  let ipSerial = 0;
  /** A fresh client address per scenario (the API trusts X-Forwarded-For from its proxy), so limits do not leak between them. */
  const newAddress = () => `198.51.100.${++ipSerial}`;
  const api = async (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string>; ip?: string; raw?: Buffer } = {},
  ) => {
    const response = await fetch(`${t.url}/api/portal/demo${path}`, {
      method: init.method ?? (init.body !== undefined || init.raw ? 'POST' : 'GET'),
      headers: {
        ...(init.raw
          ? { 'content-type': 'application/octet-stream' }
          : init.body !== undefined
            ? { 'content-type': 'application/json' }
            : {}),
        'x-forwarded-for': init.ip ?? '203.0.113.1',
        ...init.headers,
      },
      body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const form = async () => (await api('/form')).body;
  const upload = (name: string, data: Buffer, ip?: string) => api(`/uploads?name=${encodeURIComponent(name)}`, { raw: data, ip });
  const submission = async (extra: Record<string, unknown> = {}) => ({
    policyVersion: (await form()).policyVersion,
    idempotencyKey: `k-${Math.random().toString(36).slice(2)}`,
    type: 'service.attitude',
    text: '营业厅工作人员态度恶劣，不耐烦地打断我说话。',
    form: FORM,
    complainant: { name: '赵敏', phone: '13900001111' },
    ...extra,
  });

  it('an unknown tenant gets a 404 page (HTML, not a stack trace) and a coded 404 from the API', async () => {
    const page = await fetch(`${t.url}/c/no-such-tenant`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('没有找到这个投诉入口');
    expect(html).not.toMatch(/at \w+ \(|Error:/);
    const res = await api('/form'.replace('', ''), {}).then(() => fetch(`${t.url}/api/portal/no-such-tenant/form`));
    expect(res.status).toBe(404);
    expect((await res.json()).reason).toBe('TENANT_NOT_FOUND');
  });

  it('serves the published form with its types, fields, conditions and attachment limits', async () => {
    const f = await form();
    expect(f.tenant).toMatchObject({ slug: 'demo', name: '演示公司' });
    expect(f.policyVersion).toBeGreaterThan(0);
    const attitude = f.types.find((x: any) => x.key === 'service.attitude');
    expect(attitude.fields.map((x: any) => x.key)).toEqual(expect.arrayContaining(['outlet', 'staff_name']));
    expect(f.attachments).toMatchObject({ maxFiles: 10, maxFileBytes: 10 * 1024 * 1024 });
  });

  it('checks files by content: a photo is taken, an .exe renamed .jpg and an oversized file are refused', async () => {
    const ok = await upload('现场照片.jpg', photo);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ filename: '现场照片.jpg', mimeType: 'image/jpeg', size: photo.length });
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510, 0), Buffer.from('PE\0\0')]);
    const disguised = await upload('发票.jpg', exe);
    expect(disguised.status).toBe(400);
    expect(disguised.body).toMatchObject({ reason: 'TYPE_NOT_ALLOWED', details: { detected: 'application/x-msdownload' } });
    const big = await upload('big.jpg', Buffer.concat([photo, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(400);
    expect(big.body.reason).toBe('TOO_LARGE');
  });

  it('a double click makes one complaint: the same idempotency key answers the same number and code', async () => {
    const body = await submission();
    const [a, b] = await Promise.all([api('/complaints', { body, ip: newAddress() }), api('/complaints', { body, ip: newAddress() })]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.number).toBe(b.body.number);
    expect(a.body.accessCode).toBe(b.body.accessCode);
    expect(await t.dataSource.getRepository(Complaint).countBy({ number: a.body.number })).toBe(1);
    // Only a hash of the code is stored.
    const access = await t.dataSource.getRepository(PortalAccess).findOneByOrFail({ number: a.body.number });
    expect(access.codeHash).not.toContain(a.body.accessCode);
    expect(access.codeHash).toMatch(/^scrypt\$/);
  });

  it('a form changed since the page opened is a clear 409 with the current version; field problems name their fields', async () => {
    const stale = await api('/complaints', { body: { ...(await submission()), policyVersion: 0 }, ip: newAddress() });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ reason: 'FORM_CHANGED', details: { policyVersion: (await form()).policyVersion } });
    const invalid = await api('/complaints', { body: await submission({ form: {}, complainant: { name: '赵敏' } }), ip: newAddress() });
    expect(invalid.status).toBe(400);
    expect(invalid.body.reason).toBe('FORM_INVALID');
    expect(invalid.body.problems.map((p: any) => p.field)).toEqual(expect.arrayContaining(['input.complainant.phone']));
  });

  it('number + code: wrong number and wrong code look the same; failures are throttled per number with a proof-of-work first', async () => {
    const made = (await api('/complaints', { body: await submission(), ip: newAddress() })).body;
    const ip = newAddress();
    const wrongCode = await api('/access', { body: { number: made.number, code: 'AAAAAAAAAA' }, ip });
    const wrongNumber = await api('/access', { body: { number: '2611-9999', code: made.accessCode }, ip: newAddress() });
    expect(wrongCode).toEqual(wrongNumber);
    expect(wrongCode.status).toBe(404);
    expect(wrongCode.body.reason).toBe('ACCESS_DENIED');
    const right = await api('/access', { body: { number: made.number, code: made.accessCode.toLowerCase() }, ip: newAddress() });
    expect(right.status).toBe(201);
    expect(right.body.session).toBeTruthy();

    // Guessing at one number from many addresses: after 3 failures a proof-of-work, after 5 a lock — even for the right code.
    await api('/access', { body: { number: made.number, code: 'BBBBBBBBBB' }, ip: newAddress() });
    await api('/access', { body: { number: made.number, code: 'CCCCCCCCCC' }, ip: newAddress() });
    const challenged = await api('/access', { body: { number: made.number, code: 'DDDDDDDDDD' }, ip: newAddress() });
    expect(challenged.status).toBe(429);
    expect(challenged.body.reason).toBe('CHALLENGE_REQUIRED');
    const { challenge, difficulty } = challenged.body.details;
    const pow = `${challenge} ${solveChallenge(challenge, difficulty)}`;
    const solved = await api('/access', {
      body: { number: made.number, code: 'DDDDDDDDDD' },
      ip: newAddress(),
      headers: { 'x-portal-pow': pow },
    });
    expect(solved.body.reason).toBe('ACCESS_DENIED');
    const replayed = await api('/access', {
      body: { number: made.number, code: 'EEEEEEEEEE' },
      ip: newAddress(),
      headers: { 'x-portal-pow': pow },
    });
    expect(replayed.body.reason).toBe('CHALLENGE_INVALID');
    const next = (await api('/challenge')).body;
    await api('/access', {
      body: { number: made.number, code: 'EEEEEEEEEE' },
      ip: newAddress(),
      headers: { 'x-portal-pow': `${next.challenge} ${solveChallenge(next.challenge, next.difficulty)}` },
    });
    const locked = await api('/access', { body: { number: made.number, code: made.accessCode }, ip: newAddress() });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ reason: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: expect.any(Number) } });
  });

  it('per-address submission limit: a proof-of-work from half the limit, refused at the limit (database-backed)', async () => {
    const ip = newAddress();
    const statuses: string[] = [];
    for (let i = 0; i < 11; i++) {
      let res = await api('/complaints', { body: await submission(), ip });
      if (res.body.reason === 'CHALLENGE_REQUIRED') {
        statuses.push('pow');
        const { challenge, difficulty } = res.body.details;
        res = await api('/complaints', {
          body: await submission(),
          ip,
          headers: { 'x-portal-pow': `${challenge} ${solveChallenge(challenge, difficulty)}` },
        });
      }
      statuses.push(res.status === 201 ? 'ok' : res.body.reason);
    }
    expect(statuses.filter((s) => s === 'ok')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'pow')).toHaveLength(5);
    expect(statuses.at(-1)).toBe('TOO_MANY_REQUESTS');
    // Another address is not affected.
    expect((await api('/complaints', { body: await submission(), ip: newAddress() })).status).toBe(201);
  });

  it('the customer sees state, replies, the legal clock and their files — never internal notes; acts on the timeline; links are signed and short-lived', async () => {
    const ip = newAddress();
    const file = (await upload('现场照片.jpg', photo, ip)).body;
    const made = (await api('/complaints', { body: await submission({ attachments: [file.id] }), ip })).body;
    const session = { 'x-portal-session': made.session };
    const complaint = await t.dataSource.getRepository(Complaint).findOneByOrFail({ number: made.number });

    // Staff: the file with a thumbnail, an internal note, a reply.
    const staff = (
      await t.gqlOk(
        'query($id: ID!) { complaint(id: $id) { files { id filename mimeType url thumbnailUrl source } } }',
        { id: complaint.id },
        handler,
      )
    ).complaint;
    expect(staff.files).toEqual([
      expect.objectContaining({
        id: file.id,
        mimeType: 'image/jpeg',
        source: 'portal',
        thumbnailUrl: expect.stringMatching(/^\/files\?t=/),
      }),
    ]);
    const thumb = await fetch(`${t.url}${staff.files[0].thumbnailUrl}`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(320);
    await t.gqlOk(
      'mutation($id: ID!) { addComment(id: $id, text: "内部：客户情绪激动，注意沟通", internal: true) { id } }',
      { id: complaint.id },
      handler,
    );
    await t.gqlOk('mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id: complaint.id }, handler);

    let view = (await api('/complaint', { headers: session, ip })).body;
    expect(view).toMatchObject({
      number: made.number,
      state: 'in_progress',
      actions: { followUp: false, withdraw: true, addInformation: true },
    });
    expect(JSON.stringify(view)).not.toContain('内部');
    expect(view.history.map((e: any) => e.type)).not.toContain('internal_note');
    const resolution = view.clocks.find((c: any) => c.target === 'resolution');
    expect(resolution).toMatchObject({ status: 'on_time', workingDaysLeft: expect.any(Number) });
    expect(resolution.workingDaysLeft).toBeGreaterThan(0);
    expect(view.files[0]).toMatchObject({ filename: '现场照片.jpg', url: expect.stringMatching(/^\/files\?t=/) });
    const download = await fetch(`${t.url}${view.files[0].url}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(photo)).toBe(true);

    // The customer adds information with a file; it is on the staff timeline as a customer action.
    const more = (
      await upload(
        '收据.png',
        await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } })
          .png()
          .toBuffer(),
        ip,
      )
    ).body;
    view = (
      await api('/complaint/information', { headers: session, ip, body: { text: '补充：当时是下午三点左右。', attachments: [more.id] } })
    ).body;
    expect(view.files).toHaveLength(2);
    const timeline = (
      await t.gqlOk('query($id: ID!) { complaint(id: $id) { timeline { type actorRole data } } }', { id: complaint.id }, handler)
    ).complaint.timeline;
    expect(timeline.find((e: any) => e.type === 'customer.added_information')).toMatchObject({
      actorRole: 'customer',
      data: { attachments: [more.id] },
    });

    // A customer's link opens only files of their complaint; a staff link of another tenant's file cannot be forged; links expire.
    const other = (await api('/complaints', { body: await submission({ attachments: [(await upload('x.jpg', photo, ip)).body.id] }), ip }))
      .body;
    const otherView = (await api('/complaint', { headers: { 'x-portal-session': other.session }, ip })).body;
    const tampered = view.files[0].url.replace(/\.[^.]+$/, `.${otherView.files[0].url.split('.').pop()}`);
    expect((await fetch(`${t.url}${tampered}`)).status).toBe(404);
    clock.advance(6 * 60_000);
    const expired = await fetch(`${t.url}${view.files[0].url}`);
    expect(expired.status).toBe(410);
    expect((await expired.json()).reason).toBe('LINK_EXPIRED');

    // Staff reply → the portal shows it; unsatisfied follow-up → dispatched again, on the history.
    await t.gqlOk(
      'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }',
      { i: { complaintId: complaint.id, body: '经核实，已对当事员工进行批评教育。' } },
      handler,
    );
    view = (await api('/complaint', { headers: session, ip })).body;
    expect(view.replies.map((r: any) => r.body)).toEqual(['经核实，已对当事员工进行批评教育。']);
    expect(view.actions.followUp).toBe(true);
    const bad = await api('/complaint/follow-up', { headers: session, ip, body: { satisfied: false, score: 9 } });
    expect(bad.body).toMatchObject({ reason: 'INVALID_INPUT', field: 'score' });
    view = (await api('/complaint/follow-up', { headers: session, ip, body: { satisfied: false, score: 2, comment: '没有解决我的问题' } }))
      .body;
    expect(view.state).toBe('dispatched');
    expect(view.history.map((e: any) => e.type)).toEqual(expect.arrayContaining(['followed_up', 'redispatched']));

    // Withdraw the other one; a wrong session is refused.
    const withdrawn = (
      await api('/complaint/withdraw', { headers: { 'x-portal-session': other.session }, ip, body: { reason: '已自行解决' } })
    ).body;
    expect(withdrawn.state).toBe('closed');
    expect(withdrawn.history.find((e: any) => e.type === 'customer.withdrew')).toMatchObject({
      byCustomer: true,
      data: { reason: '已自行解决' },
    });
    expect((await api('/complaint', { headers: { 'x-portal-session': `${made.session}x` }, ip })).status).toBe(401);
  });

  it('a one-time code to the e-mail on file opens the complaint, once; unknown numbers get the same answer', async () => {
    const smtp = await startSmtpServer();
    afterApp.push(smtp.close);
    const admin = await t.login('admin@demo.local');
    await t.gqlOk(
      'mutation($i: EmailSettingsInput!) { updateEmailSettings(input: $i) { host } }',
      { i: { enabled: true, host: '127.0.0.1', port: smtp.port, secure: false, from: 'service@demo.example.cn' } },
      admin,
    );
    // A complaint registered by staff on the phone: the portal's one-time code works for every channel.
    const c = await submit(t, agent, {
      channel: 'phone',
      type: 'service.attitude',
      text: '态度差',
      form: FORM,
      complainant: { name: '孙', phone: '13900004444', email: 'sun@example.cn' },
    });
    const ip = newAddress();
    const known = await api('/access/one-time-code', { body: { number: c.number, channel: 'email' }, ip });
    const unknown = await api('/access/one-time-code', { body: { number: '2611-9998', channel: 'email' }, ip });
    expect(known).toEqual(unknown);
    expect(known).toEqual({ status: 201, body: { sent: true } });
    // The acknowledgement of the complaint may go to the same address (background workers): pick the code's mail.
    const codeMail = () => smtp.messages.find((m) => m.envelope.to.includes('sun@example.cn') && /验证码：\d{6}/.test(m.parsed.text ?? ''));
    for (let i = 0; i < 100 && !codeMail(); i++) {
      await t.app.get(DeliveryWorker).drain();
      if (!codeMail()) await new Promise((r) => setTimeout(r, 100));
    }
    const code = /验证码：(\d{6})/.exec(codeMail()!.parsed.text ?? '')![1];
    expect(
      (await api('/access', { body: { number: c.number, oneTimeCode: '000000' === code ? '111111' : '000000' }, ip })).body.reason,
    ).toBe('ACCESS_DENIED');
    const opened = await api('/access', { body: { number: c.number, oneTimeCode: code }, ip });
    expect(opened.status).toBe(201);
    expect((await api('/complaint', { headers: { 'x-portal-session': opened.body.session }, ip })).body.number).toBe(c.number);
    expect((await api('/access', { body: { number: c.number, oneTimeCode: code }, ip })).body.reason).toBe('ACCESS_DENIED');
  });

  it('staff intake takes uploaded files (POST /attachments); an upload is claimed once', async () => {
    const res = await fetch(`${t.url}/attachments?name=${encodeURIComponent('录音截图.jpg')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${agent}` },
      body: photo,
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const anonymous = await fetch(`${t.url}/attachments?name=x.jpg`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: photo,
    });
    expect(anonymous.status).toBe(401);
    const c = await submit(t, agent, { channel: 'phone', type: 'service.attitude', text: '态度差', form: FORM, attachments: [id] });
    const files = (await t.gqlOk('query($id: ID!) { complaint(id: $id) { files { id source } } }', { id: c.id }, agent)).complaint.files;
    expect(files).toEqual([{ id, source: 'staff' }]);
    const again = await t.gql(
      'mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }',
      {
        input: {
          channel: 'phone',
          type: 'service.attitude',
          text: '态度差',
          form: FORM,
          attachments: [id],
          complainant: { name: '钱', phone: '13900002222' },
        },
      },
      agent,
    );
    expect(again.errors?.[0].extensions?.reason).toBe('UNKNOWN');
  });

  // Last: it publishes a new policy version.
  it('size, count and type limits come from the published policy, checked at publish', async () => {
    const admin = await t.login('admin@demo.local');
    const SETTINGS = 'mutation($i: PolicySettingsInput!) { updatePolicySettings(input: $i) { attachments { maxFiles allowedTypes } } }';
    await t.gqlOk(SETTINGS, { i: { attachments: { maxFiles: 1, allowedTypes: ['png'] } } }, admin);
    const refused = await t.gql('mutation { publishPolicy(note: "attachments") { version } }', {}, admin);
    expect(refused.errors?.[0].extensions?.problems).toEqual([
      expect.objectContaining({ field: 'settings.attachments.allowedTypes', code: 'INVALID_ATTACHMENT_SETTINGS' }),
    ]);
    await t.gqlOk(SETTINGS, { i: { attachments: { maxFiles: 1, maxFileBytes: 200_000, allowedTypes: ['image/png'] } } }, admin);
    await t.gqlOk('mutation { publishPolicy(note: "attachments") { version } }', {}, admin);
    expect((await form()).attachments).toEqual({ maxFiles: 1, maxFileBytes: 200_000, allowedTypes: ['image/png'] });

    const ip = newAddress();
    expect((await upload('photo.jpg', photo, ip)).body.reason).toBe('TYPE_NOT_ALLOWED');
    const png = () =>
      sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
        .png()
        .toBuffer();
    const ids = [(await upload('a.png', await png(), ip)).body.id, (await upload('b.png', await png(), ip)).body.id];
    const tooMany = await api('/complaints', { body: await submission({ attachments: ids }), ip });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ reason: 'TOO_MANY', field: 'input.attachments' });
    // Nothing was written, and the uploads are still free to use.
    expect((await api('/complaints', { body: await submission({ attachments: [ids[0]] }), ip })).status).toBe(201);
  });
});
