import { normaliseMobile, quietHoursEnd, segmentSms, smsEncoding } from './sms';
import { extensionNotices, matchingNotices } from '../policy/engine/notices';
import { DEMO_POLICY } from '../policy/demo/demo-policy';
import type { NoticeRule } from '@redress/sdk';

describe('SMS segmentation', () => {
  it('keeps 70 UCS-2 characters in one message and splits longer ones into 67-character segments', () => {
    const seventy = '您'.repeat(70);
    expect(segmentSms(seventy)).toEqual([seventy]);
    const parts = segmentSms('您'.repeat(71));
    expect(parts.map((p) => p.length)).toEqual([67, 4]);
    expect(segmentSms('测'.repeat(201)).map((p) => p.length)).toEqual([67, 67, 67]);
  });

  it('uses 160/153 for GSM-7 text and counts escapes twice', () => {
    expect(smsEncoding('Hello {world}')).toEqual({ encoding: 'gsm7', units: 15 });
    expect(segmentSms('a'.repeat(160))).toHaveLength(1);
    expect(segmentSms('a'.repeat(161)).map((p) => p.length)).toEqual([153, 8]);
  });

  it('never cuts an emoji in half', () => {
    const text = `${'您'.repeat(66)}😀${'尾'.repeat(10)}`;
    const parts = segmentSms(text);
    expect(parts.join('')).toBe(text);
    expect(parts[0].endsWith('您')).toBe(true);
  });

  it('accepts Chinese mobiles only', () => {
    expect(normaliseMobile('+86 139-0000-1234')).toBe('13900001234');
    expect(normaliseMobile('010-62345678')).toBeNull();
  });
});

describe('quiet hours', () => {
  const quiet = { start: '21:00', end: '08:00' };
  it('holds until the end of a window across midnight, in the tenant zone', () => {
    expect(quietHoursEnd(new Date('2025-03-04T14:00:00Z'), quiet, 'Asia/Shanghai')?.toISOString()).toBe('2025-03-05T00:00:00.000Z');
    expect(quietHoursEnd(new Date('2025-03-04T22:30:00Z'), quiet, 'Asia/Shanghai')?.toISOString()).toBe('2025-03-05T00:00:00.000Z');
    expect(quietHoursEnd(new Date('2025-03-04T02:00:00Z'), quiet, 'Asia/Shanghai')).toBeNull();
    expect(quietHoursEnd(new Date('2025-03-04T14:00:00Z'), null, 'Asia/Shanghai')).toBeNull();
  });
});

describe('notice rules', () => {
  const bank: NoticeRule = {
    key: 'bank',
    name: { zh: '银行' },
    event: 'sla.extended',
    to: 'customer',
    channels: ['email'],
    template: 'bank_extension_notice',
    slaPolicies: ['bank_regulatory'],
  };
  const document = { ...DEMO_POLICY, notices: [...DEMO_POLICY.notices, bank] };
  const subject = (slaPolicy: string) => ({
    typeKey: 'billing',
    typeKeys: ['billing'],
    channel: 'regulator',
    severity: 'major',
    slaPolicy,
    state: 'in_progress',
  });

  it('chooses the extension notice of the complaint’s SLA policy, else the default one', () => {
    expect(extensionNotices(document, subject('regulatory')).map((r) => r.template)).toEqual(['extension_notice']);
    expect(extensionNotices(document, subject('bank_regulatory')).map((r) => r.template)).toEqual(['bank_extension_notice']);
  });

  it('filters by state and by the type tree', () => {
    const ack = (state: string) =>
      matchingNotices(DEMO_POLICY, 'complaint.submitted', {
        typeKey: 'service.attitude',
        typeKeys: ['service.attitude', 'service'],
        channel: 'web',
        state,
      });
    expect(ack('dispatched').map((r) => r.key)).toEqual(['notice-ack']);
    expect(ack('invalid_closed')).toEqual([]);
    const typed = { ...DEMO_POLICY, notices: [{ ...DEMO_POLICY.notices[0], typeKeys: ['service'], states: undefined }] };
    expect(
      matchingNotices(typed, 'complaint.submitted', {
        typeKey: 'service.attitude',
        typeKeys: ['service.attitude', 'service'],
        channel: 'web',
      }),
    ).toHaveLength(1);
    expect(matchingNotices(typed, 'complaint.submitted', { typeKey: 'billing', typeKeys: ['billing'], channel: 'web' })).toHaveLength(0);
    const progress = {
      ...DEMO_POLICY,
      notices: [
        { key: 'progress', name: { zh: '进度' }, event: 'sla.warning', to: 'customer', channels: ['sms'], targets: ['progress_update'] },
      ],
    };
    expect(matchingNotices(progress, 'sla.warning', { typeKey: 'billing', channel: 'web', target: 'progress_update' })).toHaveLength(1);
    expect(matchingNotices(progress, 'sla.warning', { typeKey: 'billing', channel: 'web', target: 'resolution' })).toHaveLength(0);
  });
});
