/**
 * Reading the API's `complaintStats` (apps/api/src/modules/analytics) into what the dashboard draws. The query
 * returns `{ rows: [{ keys: [{ dimension, key, name }], received, … }], totals }` for one `groupBy`; the dashboard asks
 * once per dimension (GraphQL aliases, one request). Rates are fractions 0..1 (null when there is no base).
 */
/** The defaults (percent) the API applies where the published policy sets no KPI target. */
export const KPI_TARGETS = { onTimeRate: 95, satisfactionRate: 95, effectiveResolutionRate: 90 } as const;
export type KpiKey = keyof typeof KPI_TARGETS;

interface KpiTargetSettings {
  onTimeRate?: number | null;
  satisfactionRate?: number | null;
  effectiveResolutionRate?: number | null;
  onTimeByTarget?: { target: string; rate: number }[] | null;
}

/**
 * The published policy's KPI targets in percent (`settings.kpiTargets`, shares 0–1), defaults where it sets none. The
 * on-time tile shows the resolution deadline's rate, so its target is the resolution target's own when there is one.
 */
export function kpiTargets(settings: { kpiTargets?: KpiTargetSettings | null } | null | undefined): Record<KpiKey, number> {
  const configured = settings?.kpiTargets ?? {};
  const pct = (share: number | null | undefined, fallback: number) => (typeof share === 'number' ? percent(share)! : fallback);
  const resolution = configured.onTimeByTarget?.find((t) => t.target === 'resolution')?.rate;
  return {
    onTimeRate: pct(resolution ?? configured.onTimeRate, KPI_TARGETS.onTimeRate),
    satisfactionRate: pct(configured.satisfactionRate, KPI_TARGETS.satisfactionRate),
    effectiveResolutionRate: pct(configured.effectiveResolutionRate, KPI_TARGETS.effectiveResolutionRate),
  };
}

/** The 投诉统计表 dimensions, each the alias of one grouped complaintStats in STATS_QUERY. */
export const DIMENSIONS = ['byType', 'byCause', 'byDepartment', 'byChannel', 'bySeverity'] as const;
export type DimensionName = (typeof DIMENSIONS)[number];
const GROUP_BY: Record<DimensionName, string> = {
  byType: 'TYPE',
  byCause: 'CAUSE',
  byDepartment: 'DEPARTMENT',
  byChannel: 'CHANNEL',
  bySeverity: 'SEVERITY',
};

/** Weeks the trend chart covers (ending with the week shown); the API's fresh reading allows up to 92 days. */
export const TREND_WEEKS = 12;

const ROW = '{ keys { dimension key name } received }';
export const STATS_QUERY = `query Console_dashboard($week: PeriodInput!, $trend: PeriodInput!) {
  week: complaintStats(period: $week, fresh: true) { totals { received valid closed open followedUp satisfied satisfactionRate resolved effectivelyResolved effectiveResolutionRate onTime { target stopped met rate } } }
  ${DIMENSIONS.map((d) => `${d}: complaintStats(period: $week, groupBy: [${GROUP_BY[d]}], fresh: true) { rows ${ROW} }`).join('\n  ')}
  trend: complaintStats(period: $trend, groupBy: [WEEK], fresh: true) { rows ${ROW} }
}`;

export interface OnTime {
  target: string;
  stopped: number;
  met: number;
  rate: number | null;
}
export interface StatsTotals {
  received: number;
  satisfactionRate: number | null;
  effectiveResolutionRate: number | null;
  onTime: OnTime[];
  [measure: string]: unknown;
}
interface Row {
  keys: { dimension: string; key: string | null; name: string | null }[];
  received: number;
}
export type DashboardStats = { week: { totals: StatsTotals }; trend: { rows: Row[] } } & Record<DimensionName, { rows: Row[] }>;

/** A fraction as a percentage with one decimal. */
export function percent(fraction: number | null | undefined): number | undefined {
  if (typeof fraction !== 'number' || Number.isNaN(fraction)) return undefined;
  return Math.round(fraction * 1000) / 10;
}

/**
 * 及时处理率 is the resolution target's on-time rate (clocks met / clocks stopped); without resolution clocks, all
 * targets' clocks together.
 */
export function onTimeRate(onTime: OnTime[] | undefined): number | undefined {
  const list = onTime ?? [];
  const chosen = list.filter((o) => o.target === 'resolution' && o.stopped > 0);
  const base = chosen.length ? chosen : list;
  const stopped = base.reduce((s, o) => s + o.stopped, 0);
  return stopped ? percent(base.reduce((s, o) => s + o.met, 0) / stopped) : undefined;
}

export function kpis(stats: DashboardStats | null | undefined): Record<KpiKey, number | undefined> {
  const totals = stats?.week?.totals;
  return {
    onTimeRate: onTimeRate(totals?.onTime),
    satisfactionRate: percent(totals?.satisfactionRate),
    effectiveResolutionRate: percent(totals?.effectiveResolutionRate),
  };
}

export interface Bucket {
  key: string;
  label: string;
  count: number;
}

function buckets(rows: Row[] | undefined): Bucket[] {
  return (rows ?? []).map((row) => {
    const key = row.keys[0]?.key ?? null;
    return { key: key ?? '', label: row.keys[0]?.name ?? key ?? '—', count: row.received };
  });
}

/** One dimension of the 投诉统计表, largest first. */
export function dimension(stats: DashboardStats | null | undefined, name: DimensionName): Bucket[] {
  return buckets(stats?.[name]?.rows).sort((a, b) => b.count - a.count);
}

/** Complaints received per week (the key is the local Monday, YYYY-MM-DD), oldest first. */
export function trend(stats: DashboardStats | null | undefined): Bucket[] {
  return buckets(stats?.trend?.rows)
    .filter((b) => b.key)
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((b) => ({ ...b, label: b.key.slice(5) }));
}

/** The causes with most complaints this week (complaints without a cause are not a hot cause). */
export function hotCauses(stats: DashboardStats | null | undefined, limit = 10): Bucket[] {
  return dimension(stats, 'byCause')
    .filter((b) => b.key)
    .slice(0, limit);
}

/** Monday 00:00 of the week containing `date` (the weekly meeting's week), and the Monday after. */
export function weekRange(date: Date): { from: Date; to: Date } {
  const from = new Date(date);
  from.setHours(0, 0, 0, 0);
  from.setDate(from.getDate() - ((from.getDay() + 6) % 7));
  const to = new Date(from);
  to.setDate(to.getDate() + 7);
  return { from, to };
}

/** The trend's period: TREND_WEEKS weeks ending with the week shown. */
export function trendRange(week: { from: Date; to: Date }): { from: Date; to: Date } {
  const from = new Date(week.from);
  from.setDate(from.getDate() - (TREND_WEEKS - 1) * 7);
  return { from, to: week.to };
}
