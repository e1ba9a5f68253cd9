import { complaintSnapshot, createHandlerContext, makeEvent } from '@redress/sdk/testing';
import { decideWithPlugin, pluginProblems, pluginToPolicyPatch, runAfterHandler, runBlockingHook, runPluginRuleTests } from '@redress/sdk';
import { areaAggregateKey, groupMassFaults, normalizeArea, telecomPlugin } from './index';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 2, minute)).toISOString();

describe('telecom plugin', () => {
  it('validates and its own rule tests pass', () => {
    expect(pluginProblems(telecomPlugin)).toEqual([]);
    expect(runPluginRuleTests(telecomPlugin)).toEqual([]);
    expect(telecomPlugin.demoComplaints.length).toBeGreaterThanOrEqual(10);
  });

  it('dispatches within 30 minutes, reports progress every 30 minutes and resolves within 15 days', () => {
    const policy = pluginToPolicyPatch(telecomPlugin).slaPolicies.find((p) => p.key === 'telecom_standard')!;
    const target = (key: string) => policy.targets.find((t) => t.key === key)!;
    expect(target('dispatch').duration).toEqual({ amount: 30, kind: 'natural_minutes' });
    expect(target('progress_update')).toMatchObject({ duration: { amount: 30, kind: 'natural_minutes' }, recurring: true });
    expect(target('resolution').duration).toEqual({ amount: 15, kind: 'natural_days' });
  });

  it('groups complaints from one area within an hour into mass faults', () => {
    const complaints = [
      ...Array.from({ length: 4 }, (_, i) => ({ id: `n${i}`, area: i % 2 ? 'sz-ns-0231 ' : 'SZ-NS-0231', receivedAt: at(i * 10) })),
      { id: 'late', area: 'SZ-NS-0231', receivedAt: at(200) },
      { id: 'f1', area: 'SZ-FT-0112', receivedAt: at(5) },
      { id: 'f2', area: 'SZ-FT-0112', receivedAt: at(6) },
      { id: 'none', area: '  ', receivedAt: at(7) },
    ];
    expect(groupMassFaults(complaints, 3)).toEqual([
      { area: 'SZ-NS-0231', firstAt: at(0), lastAt: at(30), complaintIds: ['n0', 'n1', 'n2', 'n3'] },
    ]);
    expect(groupMassFaults(complaints, 2).map((g) => g.area)).toEqual(['SZ-FT-0112', 'SZ-NS-0231']);
    expect(groupMassFaults(complaints, 3, 15)).toEqual([]);
  });

  it("adds the area count from the host's aggregates as a fact, counting this complaint", async () => {
    const ctx = createHandlerContext({ plugin: telecomPlugin });
    const complaint = complaintSnapshot({ type: 'telecom_network', form: { cell_area: 'sz-ns-0231' } });
    const withAggregates = makeEvent('complaint.submitted', { complaint, facts: {}, aggregates: { [areaAggregateKey('SZ-NS-0231')]: 11 } });
    await expect(runBlockingHook(telecomPlugin, ctx, withAggregates)).resolves.toEqual({
      status: 'ok',
      facts: { 'telecom.areaComplaintsLastHour': 12, 'telecom.area': 'SZ-NS-0231' },
    });
    const without = makeEvent('complaint.submitted', { complaint, facts: {} });
    await expect(runBlockingHook(telecomPlugin, ctx, without)).resolves.toMatchObject({ facts: { 'telecom.areaComplaintsLastHour': 1 } });
  });

  it('makes the Nth complaint in an area a major incident for network operations', () => {
    const facts = (count: number) => ({
      complaint: { type: 'telecom_network', channel: 'phone', text: '没信号', form: {} },
      telecom: { areaComplaintsLastHour: count },
    });
    expect(decideWithPlugin(telecomPlugin, facts(9))).toMatchObject({
      severity: 'normal',
      routing: { department: 'telecom_network_optimization' },
    });
    expect(decideWithPlugin(telecomPlugin, facts(10))).toMatchObject({ severity: 'major', routing: { department: 'telecom_noc' } });
    const presetArgs = { 'telecom.mass_fault': { threshold: 5 }, 'telecom.routing': { massFaultThreshold: 5 } };
    expect(decideWithPlugin(telecomPlugin, facts(5), { presetArgs })).toMatchObject({
      severity: 'major',
      routing: { department: 'telecom_noc' },
    });
  });

  it('does not accept fee disputes older than 5 months', () => {
    const now = '2026-01-15T02:00:00.000Z';
    const billing = (form: Record<string, unknown>, occurredAt?: string) =>
      decideWithPlugin(telecomPlugin, { now, complaint: { type: 'telecom_billing', channel: 'phone', text: '多扣费', form, occurredAt } });
    expect(billing({ billing_month: '2025-09-01' }).validity.valid).toBe(true);
    expect(billing({ billing_month: '2025-06-01' }).validity).toMatchObject({ valid: false, reason: 'appeal_period_expired' });
    expect(billing({}, '2025-07-01T00:00:00.000Z').validity).toMatchObject({ valid: false, reason: 'appeal_period_expired' });
    expect(billing({}, '2025-12-01T00:00:00.000Z').validity.valid).toBe(true);
    // Network complaints have no appeal period.
    expect(
      decideWithPlugin(telecomPlugin, {
        now,
        complaint: { type: 'telecom_network', channel: 'phone', text: 'x', form: { billing_month: '2024-01-01' } },
      }).validity.valid,
    ).toBe(true);
  });

  it("links complaints routed to network operations to the area's parent incident", async () => {
    const ctx = createHandlerContext({ plugin: telecomPlugin });
    const complaint = complaintSnapshot({ id: 'c9', number: '2601-0009', form: { cell_area: 'sz-ns-0231' } });
    await runAfterHandler(telecomPlugin, ctx, makeEvent('complaint.routed', { complaint, routing: { department: 'telecom_noc' } }));
    await runAfterHandler(
      telecomPlugin,
      ctx,
      makeEvent('complaint.routed', { complaint, routing: { department: 'telecom_billing_center' } }),
    );
    expect(ctx.enqueued).toEqual([
      {
        kind: 'parent_incident',
        payload: expect.objectContaining({ area: 'SZ-NS-0231', complaintId: 'c9', complaintNumber: '2601-0009' }),
      },
    ]);
    expect(normalizeArea('ＳＺ-ns-0231')).toBe('SZ-NS-0231');
  });
});
