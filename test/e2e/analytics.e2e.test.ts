import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { createTestApp, testDatabases, type TestApp } from '../support/test-app';
import { ManualClock } from '../../apps/api/src/common/clock';
import { submit } from '../support/complaints';
import { AnalyticsScheduler } from '../../apps/api/src/modules/analytics/analytics.scheduler';
import { StatsRollup } from '../../apps/api/src/modules/analytics/stats-rollup.service';
import { BusinessCalendar } from '../../apps/api/src/modules/sla/calendar';

// The statistics are compared number by number, so nothing may change between a rollup refresh and the direct
// query: the background workers (SLA scheduler escalating on the moved test clock, timed rollup refreshes) stay off
// and the test drives every sweep itself.
process.env.REDRESS_WORKERS = '0';
afterAll(() => {
  delete process.env.REDRESS_WORKERS;
});

// Monday 2 Nov 2026, 00:00 in Shanghai.
const WEEK1 = Date.parse('2026-11-01T16:00:00Z');
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const TYPES = ['service.attitude', 'service.efficiency', 'product.defect', 'service.attitude'];
const CHANNELS = ['phone', 'email', 'web', 'app'];

const STATS = `query($p: PeriodInput!, $g: [StatsDimension!], $f: ComplaintFilter) { complaintStats(period: $p, groupBy: $g, filter: $f) {
  timeZone repeatWindowDays
  rows { keys { dimension key name } received valid closed open followedUp satisfied satisfactionRate resolved effectivelyResolved effectiveResolutionRate responded averageWorkingMinutes onTime { target stopped met rate } }
  totals { received valid closed open followedUp satisfied resolved effectivelyResolved responded averageWorkingMinutes onTime { target stopped met } } } }`;
// Without effective resolution (which needs the complaints themselves), so whole days come from the daily rollup.
const ROLLUP_STATS = `query($p: PeriodInput!, $g: [StatsDimension!], $f: ComplaintFilter, $fresh: Boolean) { complaintStats(period: $p, groupBy: $g, filter: $f, fresh: $fresh) {
  rows { keys { dimension key name } received valid closed open followedUp satisfied satisfactionRate resolved responded averageWorkingMinutes onTime { target stopped met rate } }
  totals { received valid closed open followedUp satisfied resolved responded averageWorkingMinutes onTime { target stopped met } } } }`;

// Effective resolution with or without the rollup (`fresh`).
const EFFECTIVE_STATS = `query($p: PeriodInput!, $g: [StatsDimension!], $fresh: Boolean) { complaintStats(period: $p, groupBy: $g, fresh: $fresh) {
  rows { keys { dimension key } received resolved effectivelyResolved effectiveResolutionRate }
  totals { received resolved effectivelyResolved effectiveResolutionRate } } }`;

const mondayOf = (d: Date) => {
  const local = new Date(d.getTime() + 8 * HOUR);
  local.setUTCDate(local.getUTCDate() - ((local.getUTCDay() + 6) % 7));
  return local.toISOString().slice(0, 10);
};
const asDate = (v: unknown) =>
  v instanceof Date ? v : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(String(v)) ? String(v) : `${String(v).replace(' ', 'T')}Z`);

describe.each(testDatabases())('analytics on %s', (db) => {
  let t: TestApp;
  let agent: string;
  let handler: string;
  let admin: string;
  let analyst: string;
  let manager: string;
  const clock = new ManualClock(new Date(WEEK1));
  const period = { from: new Date(WEEK1).toISOString(), to: new Date(WEEK1 + 14 * DAY).toISOString() };

  const act = (token: string, query: string, variables: Record<string, unknown>) => t.gqlOk<any>(query, variables, token);
  const download = async (url: string, token: string) => fetch(`${t.url}${url}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await createTestApp({ db, clock });
    await t.seedDemo();
    [agent, handler, admin, analyst, manager] = await Promise.all(
      ['agent', 'handler', 'admin', 'analyst', 'manager'].map((who) => t.login(`${who}@demo.local`)),
    );
    // 40 complaints over two weeks; one customer complains three times on the same type (a repeat complainant, and
    // no effective resolution for the first two); every third is resolved with a satisfied follow-up, every fifth
    // unsatisfied; one environment complaint as the quiet baseline of the spike below.
    const repeat = { name: '李四', phone: '13800000001' };
    for (let i = 0; i < 40; i++) {
      clock.set(new Date(WEEK1 + Math.floor((i * 14) / 40) * DAY + (9.5 + (i % 3) * 2) * HOUR));
      const type = i === 7 ? 'environment' : TYPES[i % 4];
      const form = type === 'product.defect' ? { product_name: '电饭煲' } : {};
      const input: Record<string, unknown> = { channel: CHANNELS[i % CHANNELS.length], type, text: `第${i}号投诉：服务不到位。`, form };
      if (i === 3 || i === 15 || i === 27) Object.assign(input, { type: 'service.attitude', complainant: repeat });
      if (i === 5) Object.assign(input, { type: 'suggestion', text: '建议增加座椅。' });
      const c = await submit(t, agent, input);
      if (!c.valid || (i % 3 !== 0 && i % 5 !== 1)) continue;
      clock.advance(10 * 60_000);
      await act(handler, 'mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id: c.id });
      clock.advance(20 * 60_000);
      await act(handler, 'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }', {
        i: { complaintId: c.id, body: '已处理，向您致歉。' },
      });
      clock.advance(20 * 60_000);
      const satisfied = i % 3 === 0;
      await act(agent, 'mutation($i: FollowUpInput!) { recordFollowUp(input: $i) { state } }', {
        i: { complaintId: c.id, satisfied, score: satisfied ? 5 : 2 },
      });
    }
  }, 240_000);
  afterAll(() => t?.close());

  async function directRows() {
    const rows = await t.dataSource.query(
      `SELECT id, type_key, channel, severity, customer_id, state, valid, satisfaction, received_at, responded_at, closed_at FROM complaint`,
    );
    return rows.map((r: any) => ({
      ...r,
      valid: r.valid === true || r.valid === 1,
      received_at: asDate(r.received_at),
      responded_at: r.responded_at && asDate(r.responded_at),
      closed_at: r.closed_at && asDate(r.closed_at),
    }));
  }

  /** The same statistics from the rollup (after a refresh) and straight from the complaints (`fresh: true`). */
  async function rollupAndFresh(variables: Record<string, unknown>) {
    await t.app.get(StatsRollup).refresh();
    const { complaintStats: rolled } = await act(analyst, ROLLUP_STATS, { ...variables, fresh: false });
    const { complaintStats: fresh } = await act(analyst, ROLLUP_STATS, { ...variables, fresh: true });
    return { rolled, fresh };
  }

  it('groups by type and week with numbers equal to a direct count', async () => {
    await t.app.get(StatsRollup).refresh();
    const { complaintStats: stats } = await act(analyst, STATS, { p: period, g: ['TYPE', 'WEEK'] });
    expect(stats.timeZone).toBe('Asia/Shanghai');
    const all = (await directRows()).filter((r: any) => r.received_at >= new Date(period.from) && r.received_at < new Date(period.to));
    expect(all).toHaveLength(40);
    const clocks = await t.dataSource.query(`SELECT complaint_id, target, state FROM sla_clock WHERE state IN ('met', 'breached')`);
    const calendar = new BusinessCalendar();
    const expected = new Map<string, any>();
    for (const r of all) {
      const key = `${r.type_key}|${mondayOf(r.received_at)}`;
      const e = expected.get(key) ?? {
        received: 0,
        valid: 0,
        closed: 0,
        followedUp: 0,
        satisfied: 0,
        resolved: 0,
        effective: 0,
        responded: 0,
        minutes: 0,
        onTime: {} as Record<string, { stopped: number; met: number }>,
      };
      e.received += 1;
      if (r.valid) e.valid += 1;
      if (['closed', 'invalid_closed'].includes(r.state)) e.closed += 1;
      if (r.satisfaction) e.followedUp += 1;
      if (r.satisfaction === 'satisfied') e.satisfied += 1;
      if (r.state === 'closed') {
        e.resolved += 1;
        const repeated = all.some(
          (o: any) =>
            o.id !== r.id &&
            o.customer_id === r.customer_id &&
            o.type_key === r.type_key &&
            o.received_at > r.received_at &&
            o.received_at <= new Date(r.closed_at.getTime() + 30 * DAY),
        );
        if (!repeated) e.effective += 1;
        if (r.responded_at) {
          e.responded += 1;
          e.minutes += calendar.workingMinutesBetween(r.received_at, r.responded_at);
        }
      }
      for (const k of clocks.filter((k: any) => k.complaint_id === r.id)) {
        const o = (e.onTime[k.target] ??= { stopped: 0, met: 0 });
        o.stopped += 1;
        if (k.state === 'met') o.met += 1;
      }
      expected.set(key, e);
    }
    expect(stats.rows).toHaveLength(expected.size);
    for (const row of stats.rows) {
      const [type, week] = row.keys;
      expect(type.dimension).toBe('TYPE');
      const e = expected.get(`${type.key}|${week.key}`);
      expect(e, `${type.key}|${week.key}`).toBeDefined();
      expect(row).toMatchObject({
        received: e.received,
        valid: e.valid,
        closed: e.closed,
        open: e.received - e.closed,
        followedUp: e.followedUp,
        satisfied: e.satisfied,
        resolved: e.resolved,
        effectivelyResolved: e.effective,
        responded: e.responded,
        averageWorkingMinutes: e.responded ? Math.round(e.minutes / e.responded) : null,
      });
      expect(row.satisfactionRate).toBe(e.followedUp ? e.satisfied / e.followedUp : null);
      expect(Object.fromEntries(row.onTime.map((o: any) => [o.target, { stopped: o.stopped, met: o.met }]))).toEqual(e.onTime);
    }
    expect(stats.rows.find((r: any) => r.keys[0].key === 'service.attitude').keys[0].name).toBe('服务态度');
    expect(new Set(stats.rows.map((r: any) => r.keys[1].key))).toEqual(new Set(['2026-11-02', '2026-11-09']));
    expect(stats.totals.received).toBe(40);
    expect(stats.totals.effectivelyResolved).toBeLessThan(stats.totals.resolved); // the repeat customer's earlier complaint
  });

  it('groups by channel with the complaints filter applied, and by month', async () => {
    const { complaintStats: byChannel } = await act(admin, STATS, { p: period, g: ['CHANNEL'], f: { type: 'service' } });
    const all = (await directRows()).filter((r: any) => r.type_key.startsWith('service.'));
    for (const row of byChannel.rows) expect(row.received).toBe(all.filter((r: any) => r.channel === row.keys[0].key).length);
    expect(byChannel.rows.find((r: any) => r.keys[0].key === 'phone').keys[0].name).toBe('电话/热线');
    const { complaintStats: byMonth } = await act(admin, STATS, { p: period, g: ['MONTH'] });
    expect(byMonth.rows).toEqual([
      expect.objectContaining({ keys: [{ dimension: 'MONTH', key: '2026-11', name: '2026年11月' }], received: 40 }),
    ]);
    const denied = await t.gql(STATS, { p: period }, agent);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('answers whole days from the daily rollup with the numbers of the complaints themselves', async () => {
    const { rolled, fresh } = await rollupAndFresh({ p: period, g: ['TYPE', 'WEEK'] });
    // The rollup holds every complaint of the tenant, one row per local day and stored dimensions.
    const [{ received }] = await t.dataSource.query('SELECT SUM(received) AS received FROM complaint_daily_stats');
    expect(Number(received)).toBe((await directRows()).length);
    expect(rolled.totals.received).toBe(40);
    expect(rolled).toEqual(fresh);
    expect(rolled.totals.onTime.length).toBeGreaterThan(0);
    expect(rolled.totals.averageWorkingMinutes).toBeGreaterThan(0);
    // Edges that are not local midnight come from the complaints, the days between from the rollup.
    const ragged = { from: new Date(WEEK1 + 10.75 * HOUR).toISOString(), to: new Date(WEEK1 + 12 * DAY + 11 * HOUR).toISOString() };
    const byCause = await rollupAndFresh({ p: ragged, g: ['CAUSE', 'SEVERITY', 'MONTH', 'REGION'] });
    expect(byCause.rolled).toEqual(byCause.fresh);
    expect(byCause.rolled.totals.received).toBe(
      (await directRows()).filter((r: any) => r.received_at >= new Date(ragged.from) && r.received_at < new Date(ragged.to)).length,
    );
    const filtered = await rollupAndFresh({
      p: period,
      g: ['CHANNEL', 'DEPARTMENT'],
      f: { type: 'service', severity: ['normal', 'urgent'] },
    });
    expect(filtered.rolled).toEqual(filtered.fresh);
    const tooLong = await t.gql(
      ROLLUP_STATS,
      { p: { from: period.from, to: new Date(WEEK1 + 200 * DAY).toISOString() }, fresh: true },
      analyst,
    );
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('exports a statistics table as CSV and the complaint list as XLSX that match', async () => {
    const { complaintStats: stats } = await act(analyst, STATS, { p: period, g: ['TYPE'] });
    const { exportComplaintStats: job } = await act(
      analyst,
      'mutation($p: PeriodInput!) { exportComplaintStats(period: $p, groupBy: [TYPE], format: CSV) { id status url rowCount progress } }',
      { p: period },
    );
    expect(job).toMatchObject({ status: 'done', progress: 1, rowCount: stats.rows.length + 1, url: `/exports/${job.id}` });
    const csvResponse = await download(job.url, analyst);
    expect(csvResponse.status).toBe(200);
    const records = parse((await csvResponse.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(stats.rows.length + 1);
    for (const row of stats.rows) {
      const record = records.find((r) => r['投诉类型代码'] === row.keys[0].key)!;
      expect(record['投诉类型']).toBe(row.keys[0].name);
      expect(Number(record['受理量'])).toBe(row.received);
      expect(Number(record['已结案'])).toBe(row.closed);
      expect(Number(record['满意'])).toBe(row.satisfied);
    }
    expect(records.at(-1)).toMatchObject({ 投诉类型: '合计', 受理量: '40' });
    expect((await download(job.url, '')).status).toBe(401);

    const list = 'mutation($f: ComplaintFilter) { exportComplaints(filter: $f, format: XLSX) { id status url rowCount } }';
    const { exportComplaints: masked } = await act(analyst, list, { f: { type: 'service' } });
    const { exportComplaints: full } = await act(admin, list, { f: { type: 'service' } });
    const expected = (await directRows()).filter((r: any) => r.type_key.startsWith('service.'));
    const open = async (url: string, token: string) => {
      const response = await download(url, token);
      expect(response.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
      return book.getWorksheet('投诉清单')!;
    };
    const maskedSheet = await open(masked.url, analyst);
    const fullSheet = await open(full.url, admin);
    expect(masked.rowCount).toBe(expected.length);
    expect(maskedSheet.rowCount).toBe(expected.length + 1);
    const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers(maskedSheet)).not.toContain('投诉人');
    expect(headers(fullSheet)).toEqual(expect.arrayContaining(['投诉人', '联系电话']));
    const numbers = (await t.dataSource.query(`SELECT number FROM complaint WHERE type_key LIKE 'service.%'`))
      .map((r: any) => r.number)
      .sort();
    const sheetNumbers = Array.from({ length: expected.length }, (_, i) => String(fullSheet.getCell(i + 2, 1).value)).sort();
    expect(sheetNumbers).toEqual(numbers);
    const phoneColumn = headers(fullSheet).indexOf('联系电话') + 1;
    const phones = Array.from({ length: expected.length }, (_, i) => String(fullSheet.getCell(i + 2, phoneColumn).value));
    expect(phones).toContain('13800000001');
    // The analyst may not fetch the file with personal data.
    expect((await download(full.url, analyst)).status).toBe(404);
    const status = await act(admin, 'query($id: ID!) { exportJob(id: $id) { status progress rowCount } }', { id: full.id });
    expect(status.exportJob).toMatchObject({ status: 'done', progress: 1, rowCount: expected.length });
  });

  it('generates the weekly report on Monday with the week-over-week delta', async () => {
    const scheduler = t.app.get(AnalyticsScheduler);
    clock.set(new Date(WEEK1 + 14 * DAY + 8 * HOUR + 5 * 60_000)); // Monday 16 Nov 08:05 Shanghai
    await scheduler.tick();
    const { weeklyReports } = await act(analyst, '{ weeklyReports { weekStart } }', {});
    expect(weeklyReports.map((r: any) => r.weekStart)).toContain('2026-11-09');
    const { weeklyReport: report } = await act(
      manager,
      'query { weeklyReport(week: "2026-11-09") { weekStart weekEnd received previousReceived receivedDelta kpis { key target current met } content } }',
      {},
    );
    const rows = await directRows();
    const inWeek = (start: number) =>
      rows.filter((r: any) => r.received_at.getTime() >= start && r.received_at.getTime() < start + 7 * DAY);
    const w1 = inWeek(WEEK1);
    const w2 = inWeek(WEEK1 + 7 * DAY);
    expect(report).toMatchObject({
      weekStart: '2026-11-09',
      weekEnd: '2026-11-15',
      received: w2.length,
      previousReceived: w1.length,
      receivedDelta: w2.length - w1.length,
    });
    expect(report.kpis.map((k: any) => [k.key, k.target])).toEqual([
      ['onTimeRate', 0.95],
      ['satisfactionRate', 0.95],
      ['effectiveResolutionRate', 0.9],
    ]);
    const byType = report.content.byDimension.type;
    const attitude = byType.find((l: any) => l.key === 'service.attitude');
    const count = (list: any[]) => list.filter((r: any) => r.type_key === 'service.attitude').length;
    expect(attitude).toMatchObject({ name: '服务态度', current: count(w2), previous: count(w1), delta: count(w2) - count(w1) });
    await scheduler.tick();
    expect(
      (await act(analyst, '{ weeklyReports { weekStart } }', {})).weeklyReports.filter((r: any) => r.weekStart === '2026-11-09'),
    ).toHaveLength(1);
  });

  it('raises exactly one alert for a planted spike and flags the repeat complainant', async () => {
    const scheduler = t.app.get(AnalyticsScheduler);
    clock.set(new Date(WEEK1 + 16 * DAY + 2 * HOUR)); // Wednesday 18 Nov 10:00
    const planted: string[] = [];
    for (let i = 0; i < 6; i++) {
      clock.advance(10 * 60_000);
      planted.push((await submit(t, agent, { channel: 'visit', type: 'environment', text: `营业厅空调坏了，闷热难耐（${i}）。` })).id);
    }
    await scheduler.tick();
    await scheduler.tick();
    const { analyticsAlerts } = await act(
      analyst,
      '{ analyticsAlerts(status: OPEN, first: 100) { id kind dimension key day observed baselineMean pValue windowDays complaintIds message } }',
      {},
    );
    const spikes = analyticsAlerts.filter((a: any) => a.kind === 'spike' && a.dimension === 'type');
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({ key: 'environment', day: '2026-11-18', observed: 6, windowDays: 28 });
    expect(spikes[0].baselineMean).toBeCloseTo(1 / 28, 10);
    expect(spikes[0].pValue).toBeLessThan(0.001);
    expect([...spikes[0].complaintIds].sort()).toEqual([...planted].sort());
    expect(spikes[0].message).toContain('网点环境');
    const events = await t.dataSource.query(`SELECT payload FROM outbox_message WHERE topic = 'analytics.alert'`);
    const payloads = events.map((e: any) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload));
    expect(payloads.filter((p: any) => p.alert.dimension === 'type' && p.alert.key === 'environment')).toHaveLength(1);
    expect(payloads[0]).toMatchObject({ type: 'analytics.alert', metrics: expect.objectContaining({ observed: expect.any(Number) }) });

    const repeats = analyticsAlerts.filter((a: any) => a.kind === 'repeat_complainant');
    expect(repeats).toHaveLength(1);
    expect(repeats[0].observed).toBe(3);
    const ack = await act(analyst, 'mutation($id: ID!) { acknowledgeAlert(id: $id) { status acknowledgedAt } }', { id: spikes[0].id });
    expect(ack.acknowledgeAlert.status).toBe('ACKNOWLEDGED');
    await scheduler.tick();
    const again = await act(analyst, '{ analyticsAlerts(first: 100) { kind dimension key } }', {});
    expect(again.analyticsAlerts.filter((a: any) => a.dimension === 'type' && a.key === 'environment')).toHaveLength(1);
  });

  it('follows later changes to complaints of past days after a refresh', async () => {
    const before = await rollupAndFresh({ p: period, g: ['TYPE'] });
    const [open] = await t.dataSource.query(
      `SELECT id FROM complaint WHERE state IN ('received', 'assessed', 'dispatched') AND received_at < '2026-11-16' AND valid = ${db === 'postgres' ? 'true' : '1'} ORDER BY received_at LIMIT 1`,
    );
    clock.advance(HOUR);
    await act(handler, 'mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id: open.id });
    await act(handler, 'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }', {
      i: { complaintId: open.id, body: '已处理。' },
    });
    await act(agent, 'mutation($i: FollowUpInput!) { recordFollowUp(input: $i) { state } }', {
      i: { complaintId: open.id, satisfied: true, score: 5 },
    });
    const { complaintStats: immediate } = await act(analyst, ROLLUP_STATS, { p: period, g: ['TYPE'], fresh: true });
    expect(immediate.totals.satisfied).toBe(before.fresh.totals.satisfied + 1);
    const after = await rollupAndFresh({ p: period, g: ['TYPE'] });
    expect(after.rolled).toEqual(after.fresh);
    expect(after.rolled.totals.satisfied).toBe(before.rolled.totals.satisfied + 1);
  });

  it('counts effective resolution in the rollup as the direct count does, with repeats inside and outside the window', async () => {
    // Whole local days (Shanghai midnights), so every day of the period comes from the rollup.
    const p2 = { from: new Date(WEEK1 + 21 * DAY).toISOString(), to: new Date(WEEK1 + 91 * DAY).toISOString() };
    const customer = { name: '王五', phone: '13900009999' };
    const resolve = async (id: string) => {
      clock.advance(10 * 60_000);
      await act(handler, 'mutation($id: ID!) { transition(id: $id, to: "in_progress") { state } }', { id });
      await act(handler, 'mutation($i: ReplyInput!) { replyToComplaint(input: $i) { state } }', {
        i: { complaintId: id, body: '已处理。' },
      });
      const { recordFollowUp } = await act(agent, 'mutation($i: FollowUpInput!) { recordFollowUp(input: $i) { state } }', {
        i: { complaintId: id, satisfied: true, score: 5 },
      });
      expect(recordFollowUp.state).toBe('closed');
    };
    const compare = async () => {
      await t.app.get(StatsRollup).refresh();
      const rolled = (await act(analyst, EFFECTIVE_STATS, { p: p2, g: ['TYPE', 'WEEK'], fresh: false })).complaintStats;
      const fresh = (await act(analyst, EFFECTIVE_STATS, { p: p2, g: ['TYPE', 'WEEK'], fresh: true })).complaintStats;
      expect(rolled).toEqual(fresh);
      // The rolled answer is the rollup's own count, not a fallback to the complaints.
      const [{ n }] = await t.dataSource.query(
        `SELECT SUM(effectively_resolved) AS n FROM complaint_daily_stats WHERE day >= '2026-11-23' AND day < '2027-02-01'`,
      );
      expect(Number(n ?? 0)).toBe(rolled.totals.effectivelyResolved);
      return rolled.totals;
    };
    const window = (await act(analyst, STATS, { p: p2 })).complaintStats.repeatWindowDays;
    expect(window).toBeGreaterThan(0);

    clock.set(new Date(WEEK1 + 22 * DAY + 2 * HOUR));
    const first = await submit(t, agent, { channel: 'phone', type: 'service.efficiency', text: '办理太慢。', complainant: customer });
    await resolve(first.id);
    expect(await compare()).toMatchObject({ resolved: 1, effectivelyResolved: 1 });

    // A repeat after the window: the first stays effectively resolved.
    clock.set(new Date(WEEK1 + 22 * DAY + (window + 1) * DAY));
    const second = await submit(t, agent, { channel: 'phone', type: 'service.efficiency', text: '又是办理太慢。', complainant: customer });
    await resolve(second.id);
    expect(await compare()).toMatchObject({ resolved: 2, effectivelyResolved: 2 });

    // Inside the second's window: another type is no repeat, the same type is — and it un-counts a complaint of another day.
    clock.advance(Math.max(1, window - 2) * DAY);
    await submit(t, agent, { channel: 'phone', type: 'service.attitude', text: '态度也不好。', complainant: customer });
    expect(await compare()).toMatchObject({ resolved: 2, effectivelyResolved: 2 });
    await submit(t, agent, { channel: 'phone', type: 'service.efficiency', text: '第三次办理太慢。', complainant: customer });
    expect(await compare()).toMatchObject({ resolved: 2, effectivelyResolved: 1 });
  });
});
