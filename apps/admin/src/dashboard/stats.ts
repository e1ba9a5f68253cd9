/** Reading the API's complaintStats result into what the dashboard draws, tolerant of naming while analytics settles. */
export const KPI_TARGETS = { onTimeRate: 95, satisfactionRate: 95, effectiveResolutionRate: 90 } as const;
export type KpiKey = keyof typeof KPI_TARGETS;

/** Rates may come as 0–1 or 0–100; the console shows percentages. */
export function percent(value: unknown): number | undefined {
  if (typeof value !== 'number' || Number.isNaN(value)) return undefined;
  return value <= 1 ? Math.round(value * 1000) / 10 : Math.round(value * 10) / 10;
}

export function kpis(stats: any): Record<KpiKey, number | undefined> {
  const source = stats?.kpis ?? stats?.kpi ?? stats ?? {};
  return {
    onTimeRate: percent(source.onTimeRate ?? source.onTimeHandlingRate),
    satisfactionRate: percent(source.satisfactionRate),
    effectiveResolutionRate: percent(source.effectiveResolutionRate ?? source.resolutionRate),
  };
}

export interface Bucket { key: string; label: string; count: number }

function asBuckets(list: any): Bucket[] {
  if (!Array.isArray(list)) return [];
  return list.map((item) => ({
    key: String(item.key ?? item.id ?? item.name ?? item.period ?? item.date ?? ''),
    label: typeof item.label === 'object' && item.label ? item.label.zh ?? item.key : String(item.label ?? item.name ?? item.key ?? item.period ?? item.date ?? ''),
    count: Number(item.count ?? item.total ?? item.value ?? 0),
  }));
}

/** The 投诉统计表 dimensions present in the result. */
export const DIMENSIONS = ['byType', 'byCause', 'byDepartment', 'byChannel', 'bySeverity'] as const;

export function dimension(stats: any, name: (typeof DIMENSIONS)[number]): Bucket[] {
  return asBuckets(stats?.[name] ?? stats?.weekly?.[name]);
}

export function trend(stats: any): Bucket[] {
  return asBuckets(stats?.trend ?? stats?.trends ?? stats?.daily ?? stats?.weeklyTrend);
}

export function hotCauses(stats: any): Bucket[] {
  return asBuckets(stats?.hotCauses ?? stats?.topCauses ?? stats?.byCause).sort((a, b) => b.count - a.count).slice(0, 10);
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
