import { isRetrainDue, retrainSlot } from './retrain-schedule';

const SHANGHAI = 'Asia/Shanghai';
// 02:00 in Shanghai on 26 Nov 2026 is 18:00 UTC on the 25th.
const at = (iso: string) => new Date(iso);

describe('nightly retrain schedule', () => {
  it('puts the slot at 02:00 tenant time', () => {
    expect(retrainSlot(at('2026-11-25T20:00:00Z'), SHANGHAI).toISOString()).toBe('2026-11-25T18:00:00.000Z');
    expect(retrainSlot(at('2026-11-26T01:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-11-26T01:00:00.000Z');
  });

  it('retrains once in the night window when 20 causes were confirmed since the last model', () => {
    const base = { timeZone: SHANGHAI, lastStartedAt: at('2026-11-24T18:00:00Z'), newConfirmations: 20 };
    expect(isRetrainDue({ ...base, now: at('2026-11-25T18:05:00Z') })).toBe(true);
    expect(isRetrainDue({ ...base, now: at('2026-11-25T17:55:00Z') })).toBe(false); // 01:55: not yet
    expect(isRetrainDue({ ...base, now: at('2026-11-26T00:30:00Z') })).toBe(false); // 08:30: office hours
    expect(isRetrainDue({ ...base, now: at('2026-11-25T18:05:00Z'), newConfirmations: 19 })).toBe(false);
    expect(isRetrainDue({ ...base, now: at('2026-11-25T19:00:00Z'), lastStartedAt: at('2026-11-25T18:05:00Z') })).toBe(false);
    expect(isRetrainDue({ ...base, now: at('2026-11-25T19:00:00Z'), lastStartedAt: null })).toBe(true);
  });
});
