import { formatComplaintNumber, numberPeriod } from './numbering';

describe('complaint numbering', () => {
  it('formats YYMM-NNNN in the tenant time zone', () => {
    const at = new Date('2026-11-30T16:30:00Z'); // 00:30 on 1 Dec in Shanghai
    expect(formatComplaintNumber('{YY}{MM}-{SEQ:4}', at, 'Asia/Shanghai', 1)).toBe('2612-0001');
    expect(formatComplaintNumber('{YY}{MM}-{SEQ:4}', at, 'UTC', 12)).toBe('2611-0012');
    expect(numberPeriod(at, 'Asia/Shanghai')).toBe('202612');
  });
  it('supports other patterns and widths', () => {
    expect(formatComplaintNumber('TS{YYYY}{MM}{SEQ:6}', new Date('2026-01-05T00:00:00Z'), 'Asia/Shanghai', 42)).toBe('TS202601000042');
  });
});
