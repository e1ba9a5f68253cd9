import { complaintSnapshot } from '@redress/sdk/testing';
import { monthPeriod, regulatorReportRows, toCsv } from './regulator-report';

describe('regulator report (监管报送)', () => {
  const complaints = [
    complaintSnapshot({
      id: 'a',
      number: '2601-0002',
      channel: 'regulator',
      type: 'bank_product',
      severity: 'major',
      form: { product_line: 'loan', disputed_amount: 3200 },
      receivedAt: '2026-01-10T01:00:00.000Z',
      closedAt: '2026-01-20T01:00:00.000Z',
    }),
    complaintSnapshot({
      id: 'b',
      number: '2601-0001',
      channel: 'web',
      type: 'bank_product',
      form: { product_line: 'payment', disputed_amount: 5000 },
      receivedAt: '2025-12-31T17:30:00.000Z',
      closedAt: '2026-01-02T01:00:00.000Z',
      invalidReason: 'mistaken_complaint',
    }),
    complaintSnapshot({ id: 'c', number: '2512-0099', channel: 'phone', type: 'bank_service', receivedAt: '2025-12-31T15:00:00.000Z' }),
    complaintSnapshot({ id: 'd', number: '2602-0001', channel: 'phone', type: 'bank_service', receivedAt: '2026-01-31T16:30:00.000Z' }),
  ];

  it('takes the complaints received in the month, in China time, ordered by number', () => {
    const rows = regulatorReportRows(complaints, monthPeriod('2026-01'));
    // 2025-12-31T17:30Z is 01:30 on 1 January in Beijing; 2026-01-31T16:30Z is already 1 February.
    expect(rows.map((r) => r.number)).toEqual(['2601-0001', '2601-0002']);
    expect(rows[0]).toMatchObject({ receivedDate: '2026-01-01', productLine: 'payment', mistaken: true, status: 'closed', daysToClose: 2 });
    expect(rows[1]).toMatchObject({ channel: 'regulator', severity: 'major', disputedAmount: 3200, daysToClose: 10 });
  });

  it('reports open complaints without a closing date', () => {
    const rows = regulatorReportRows(complaints, { start: '2025-12-01T00:00:00+08:00', end: '2026-01-01T00:00:00+08:00' });
    expect(rows).toEqual([
      expect.objectContaining({ number: '2512-0099', status: 'open', closedDate: null, daysToClose: null, productLine: 'other' }),
    ]);
  });

  it('writes RFC 4180 CSV with Chinese headings, quoting and no formula injection', () => {
    const rows = regulatorReportRows(complaints, monthPeriod('2026-01'));
    rows[0].productLine = '=HYPERLINK("x")';
    rows[1].type = 'a,b';
    const csv = toCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('投诉编号,受理日期,投诉渠道,业务类别,投诉类型,争议金额,严重程度,办理状态,办结日期,办结天数,是否误投诉');
    expect(lines[1]).toBe(`2601-0001,2026-01-01,web,"'=HYPERLINK(""x"")",bank_product,5000,normal,closed,2026-01-02,2,是`);
    expect(lines[2]).toBe('2601-0002,2026-01-10,regulator,loan,"a,b",3200,major,closed,2026-01-20,10,否');
    expect(lines[3]).toBe('');
  });

  it('rejects a malformed month', () => {
    expect(() => monthPeriod('2026-1')).toThrow(/2026-01/);
  });
});
