import type { ComplaintSnapshot } from '@redress/sdk';

/** One row of the regulator's complaint report (监管报送): what the reporting system asks per complaint. */
export interface RegulatorReportRow {
  /** 投诉编号 */
  number: string;
  /** 受理日期 (YYYY-MM-DD, Asia/Shanghai) */
  receivedDate: string;
  /** 投诉渠道 */
  channel: string;
  /** 业务类别 */
  productLine: string;
  /** 投诉类型 */
  type: string;
  /** 争议金额（元） */
  disputedAmount: number | null;
  /** 严重程度 */
  severity: string;
  /** 办理状态: 已办结 / 办理中 */
  status: 'closed' | 'open';
  /** 办结日期 */
  closedDate: string | null;
  /** 办结天数 (natural days from receipt to closure) */
  daysToClose: number | null;
  /** 是否误投诉 */
  mistaken: boolean;
}

/** A reporting period: `start` inclusive, `end` exclusive, both ISO dates or instants. */
export interface ReportPeriod {
  start: string;
  end: string;
}

/** The calendar month `2026-01` as a period in China Standard Time (UTC+8, no daylight saving). */
export function monthPeriod(month: string): ReportPeriod {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`month must look like 2026-01, got "${month}"`);
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  const start = new Date(Date.UTC(year, index, 1) - 8 * 3_600_000);
  const end = new Date(Date.UTC(year, index + 1, 1) - 8 * 3_600_000);
  return { start: start.toISOString(), end: end.toISOString() };
}

const DAY_MS = 86_400_000;

/** The date in Asia/Shanghai (UTC+8) of an instant, as YYYY-MM-DD. */
function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The report row for one complaint. */
export function regulatorReportRow(complaint: ComplaintSnapshot, closureReason?: string | null): RegulatorReportRow {
  const amount = complaint.form.disputed_amount;
  const closedAt = complaint.closedAt ?? null;
  return {
    number: complaint.number,
    receivedDate: chinaDate(complaint.receivedAt),
    channel: complaint.channel,
    productLine: typeof complaint.form.product_line === 'string' ? complaint.form.product_line : 'other',
    type: complaint.type,
    disputedAmount: typeof amount === 'number' && Number.isFinite(amount) ? amount : null,
    severity: complaint.severity ?? 'normal',
    status: closedAt ? 'closed' : 'open',
    closedDate: closedAt ? chinaDate(closedAt) : null,
    // Natural days, rounded up: the regulator counts a complaint closed 2 hours after receipt as 1 day.
    daysToClose: closedAt ? Math.max(1, Math.ceil((Date.parse(closedAt) - Date.parse(complaint.receivedAt)) / DAY_MS)) : null,
    mistaken: (closureReason ?? complaint.invalidReason) === 'mistaken_complaint',
  };
}

/** Rows for the complaints received within the period, ordered by number. */
export function regulatorReportRows(complaints: readonly ComplaintSnapshot[], period: ReportPeriod): RegulatorReportRow[] {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  return complaints
    .filter((c) => {
      const received = Date.parse(c.receivedAt);
      return received >= start && received < end;
    })
    .map((c) => regulatorReportRow(c))
    .sort((a, b) => a.number.localeCompare(b.number));
}

/** Column order and headings of the CSV file the reporting system imports. */
export const REGULATOR_REPORT_COLUMNS: { key: keyof RegulatorReportRow; heading: string }[] = [
  { key: 'number', heading: '投诉编号' },
  { key: 'receivedDate', heading: '受理日期' },
  { key: 'channel', heading: '投诉渠道' },
  { key: 'productLine', heading: '业务类别' },
  { key: 'type', heading: '投诉类型' },
  { key: 'disputedAmount', heading: '争议金额' },
  { key: 'severity', heading: '严重程度' },
  { key: 'status', heading: '办理状态' },
  { key: 'closedDate', heading: '办结日期' },
  { key: 'daysToClose', heading: '办结天数' },
  { key: 'mistaken', heading: '是否误投诉' },
];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'boolean' ? (value ? '是' : '否') : String(value);
  // Spreadsheet formula injection: a cell starting with = + - @ would run as a formula when opened in Excel.
  if (/^[=+\-@]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends) with Chinese headings. */
export function toCsv(rows: readonly RegulatorReportRow[]): string {
  const lines = [REGULATOR_REPORT_COLUMNS.map((c) => c.heading).join(',')];
  for (const row of rows) lines.push(REGULATOR_REPORT_COLUMNS.map((c) => csvCell(row[c.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
