import type { FieldDefinition } from '@redress/sdk';
import { isValidChineseId, validateForm } from './form-validation';

const fields: FieldDefinition[] = [
  {
    key: 'order_no',
    label: { zh: '订单号', en: 'Order number' },
    type: 'reference',
    required: true,
    validation: { pattern: '^[A-Z]{2}\\d{6}$' },
  },
  { key: 'amount', label: { zh: '金额', en: 'Amount' }, type: 'money', validation: { min: 0, max: 100000 } },
  { key: 'store', label: { zh: '门店', en: 'Store' }, type: 'select', options: [{ value: 'bj01', label: { zh: '北京一店' } }] },
  {
    key: 'refund_account',
    label: { zh: '退款账号', en: 'Refund account' },
    type: 'text',
    visibleWhen: { '==': [{ var: 'complaint.form.remedy' }, 'refund'] },
    requiredWhen: { '==': [{ var: 'complaint.form.remedy' }, 'refund'] },
  },
  {
    key: 'remedy',
    label: { zh: '期望处理', en: 'Remedy' },
    type: 'select',
    options: [
      { value: 'refund', label: { zh: '退款' } },
      { value: 'apology', label: { zh: '道歉' } },
    ],
  },
];
const ctx = { now: '2026-11-25T00:00:00Z' };

describe('form validation', () => {
  it('reports every problem at once with its field path', () => {
    const values = { amount: 'abc', store: 'sh99', extra: 1, remedy: 'refund' };
    const { problems } = validateForm(fields, values, { complaint: { form: values } }, ctx);
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['form.extra', 'UNKNOWN_FIELD'],
      ['form.order_no', 'REQUIRED'],
      ['form.amount', 'INVALID_TYPE'],
      ['form.store', 'INVALID_OPTION'],
      ['form.refund_account', 'REQUIRED'],
    ]);
  });

  it('drops hidden fields and keeps valid values', () => {
    const values = { order_no: 'AB123456', amount: '99.5', remedy: 'apology', refund_account: 'ignored' };
    const result = validateForm(fields, values, { complaint: { form: values } }, ctx);
    expect(result.problems).toEqual([]);
    expect(result.values).toEqual({ order_no: 'AB123456', amount: 99.5, remedy: 'apology' });
  });

  it('says every problem in Chinese and English, the required field by its label in each (it was English only)', () => {
    const values = { amount: -5, store: 'sh99', remedy: 'refund' };
    const { problems } = validateForm(fields, values, { complaint: { form: values } }, ctx);
    const byField = Object.fromEntries(problems.map((p) => [p.field, p]));
    expect(byField['form.order_no']).toMatchObject({
      message: 'Order number is required',
      messages: { 'zh-CN': '请填写“订单号”', en: 'Order number is required' },
    });
    expect(byField['form.amount'].messages).toEqual({ 'zh-CN': '不能小于 0', en: 'Must be at least 0' });
    expect(byField['form.store'].messages['zh-CN']).toBe('请从以下选项中选择：bj01');
    for (const p of problems) {
      expect(p.messages.en).toBe(p.message);
      expect(p.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
    // A label given in one language only is used for both.
    const onlyZh: FieldDefinition[] = [{ key: 'x', label: { zh: '仅中文' } as FieldDefinition['label'], type: 'text', required: true }];
    expect(validateForm(onlyZh, {}, { complaint: { form: {} } }, ctx).problems[0].messages).toEqual({
      'zh-CN': '请填写“仅中文”',
      en: '仅中文 is required',
    });
  });

  it('checks Chinese ID numbers by their check digit', () => {
    expect(isValidChineseId('11010519491231002X')).toBe(true);
    expect(isValidChineseId('110105194912310021')).toBe(false);
  });
});
