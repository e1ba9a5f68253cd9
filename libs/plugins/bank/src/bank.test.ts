import { complaintSnapshot, createHandlerContext, makeEvent } from '@redress/sdk/testing';
import {
  decideWithPlugin,
  defaultEngine,
  instantiatePreset,
  pluginProblems,
  pluginToPolicyPatch,
  runAfterHandler,
  runBlockingHook,
  runPluginRuleTests,
} from '@redress/sdk';
import { bankPlugin, bankSeverityPreset, inferProductLine } from './index';

const severityTable = (args = {}) => ({
  key: 'severity',
  hitPolicy: 'priority' as const,
  rows: instantiatePreset(bankSeverityPreset, args),
  default: 'normal',
});
const severityOf = (complaint: Record<string, unknown>, args = {}) => defaultEngine.evaluateTable(severityTable(args), { complaint }).value;

describe('bank plugin', () => {
  it('validates and its own rule tests pass', () => {
    expect(pluginProblems(bankPlugin)).toEqual([]);
    expect(runPluginRuleTests(bankPlugin)).toEqual([]);
    expect(bankPlugin.demoComplaints.length).toBeGreaterThanOrEqual(10);
  });

  it('grades general / urgent / major as the bank procedure defines them', () => {
    expect(severityOf({ channel: 'phone', text: '柜台排队时间太长' })).toBe('normal');
    expect(severityOf({ channel: 'phone', text: '再不退钱我就找媒体曝光' })).toBe('urgent');
    expect(severityOf({ channel: 'phone', text: '我已经委托律师准备起诉' })).toBe('urgent');
    expect(severityOf({ channel: 'app', text: '手机银行大面积无法登录' })).toBe('urgent');
    expect(severityOf({ channel: 'phone', text: '信用卡被盗刷了' })).toBe('urgent');
    expect(severityOf({ channel: 'phone', text: '年费问题', form: { requested_deadline_days: 3 } })).toBe('urgent');
    expect(severityOf({ channel: 'phone', text: '年费问题', form: { requested_deadline_days: 20 } })).toBe('normal');
    expect(severityOf({ channel: 'regulator', text: '转办：多收违约金' })).toBe('major');
    expect(severityOf({ channel: 'phone', text: '此事已被报道，记者采访了我，我还要起诉' })).toBe('major');
  });

  it('lets the admin edit the keyword lists', () => {
    expect(severityOf({ channel: 'phone', text: '我要去黑猫投诉' })).toBe('normal');
    expect(severityOf({ channel: 'phone', text: '我要去黑猫投诉' }, { mediaLegalKeywords: ['黑猫投诉'] })).toBe('urgent');
  });

  it('closes a complaint found to be a misunderstanding as 误投诉', () => {
    const decision = decideWithPlugin(bankPlugin, {
      complaint: { type: 'bank_product', channel: 'web', text: '转账填错账号', form: { fault_finding: 'customer_misunderstanding' } },
    });
    expect(decision.validity).toMatchObject({ valid: false, reason: 'mistaken_complaint' });
    expect(
      decideWithPlugin(bankPlugin, {
        complaint: { type: 'bank_product', channel: 'web', text: 'x', form: { fault_finding: 'bank_fault' } },
      }).validity.valid,
    ).toBe(true);
  });

  it("ships the regulatory deadline: 15 days, extendable to 30 and 60 with a manager's approval and a notice", () => {
    const patch = pluginToPolicyPatch(bankPlugin);
    const target = patch.slaPolicies.find((p) => p.key === 'bank_regulatory')!.targets.find((t) => t.key === 'regulatory_answer')!;
    expect(target.duration).toEqual({ amount: 15, kind: 'natural_days' });
    expect(target.extensions).toEqual([
      { amount: 30, kind: 'natural_days' },
      { amount: 60, kind: 'natural_days' },
    ]);
    expect(target.extensionApprovalRole).toBe('manager');
    expect(patch.templates.find((t) => t.key === 'bank_extension_notice')!.body).toContain('{{extension.newDeadline}}');
  });

  it('infers the product line from the text when the form leaves it empty, in a blocking hook', async () => {
    expect(inferProductLine({}, '我的信用卡年费扣错了')).toBe('credit_card');
    expect(inferProductLine({ product_line: 'loan' }, '信用卡')).toBe('loan');
    expect(inferProductLine({}, '天气不好')).toBe('other');
    const event = makeEvent('complaint.submitted', { complaint: complaintSnapshot({ text: '手机银行登录不了' }), facts: {} });
    await expect(runBlockingHook(bankPlugin, createHandlerContext({ plugin: bankPlugin }), event)).resolves.toEqual({
      status: 'ok',
      facts: { 'bank.productLine': 'e_banking' },
    });
  });

  it('routes by the inferred product line', () => {
    expect(
      decideWithPlugin(bankPlugin, {
        complaint: { type: 'bank_product', channel: 'phone', text: '年费' },
        bank: { productLine: 'credit_card' },
      }).routing,
    ).toEqual({ department: 'bank_card_center' });
  });

  it('enqueues a regulator report row when a complaint is closed', async () => {
    const ctx = createHandlerContext({ plugin: bankPlugin });
    const complaint = complaintSnapshot({
      number: '2601-0042',
      type: 'bank_credit_card',
      channel: 'phone',
      severity: 'urgent',
      form: { product_line: 'credit_card', disputed_amount: 600 },
      receivedAt: '2026-01-05T02:00:00.000Z',
      closedAt: '2026-01-09T08:00:00.000Z',
    });
    await runAfterHandler(bankPlugin, ctx, makeEvent('complaint.closed', { complaint, reason: 'resolved' }));
    expect(ctx.enqueued).toHaveLength(1);
    expect(ctx.enqueued[0]).toMatchObject({
      kind: 'regulator_report_row',
      payload: {
        number: '2601-0042',
        productLine: 'credit_card',
        disputedAmount: 600,
        severity: 'urgent',
        status: 'closed',
        closedDate: '2026-01-09',
        daysToClose: 5,
        mistaken: false,
      },
    });
  });
});
