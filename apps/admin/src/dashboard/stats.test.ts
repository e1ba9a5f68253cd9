import { dimension, hotCauses, kpis, kpiTargets, onTimeRate, STATS_QUERY, trend, type DashboardStats } from './stats';

const row = (dimension: string, key: string | null, name: string | null, received: number) => ({
  keys: [{ dimension, key, name }],
  received,
});
const stats = {
  week: {
    totals: {
      received: 10,
      satisfactionRate: 0.8,
      effectiveResolutionRate: 0.925,
      onTime: [
        { target: 'resolution', stopped: 20, met: 19, rate: 0.95 },
        { target: 'acknowledge', stopped: 4, met: 1, rate: 0.25 },
      ],
    },
  },
  byType: { rows: [row('type', 'billing', '收费争议', 3), row('type', 'service.attitude', '服务态度', 7)] },
  byCause: { rows: [row('cause', null, null, 6), row('cause', 'double_charge', '重复扣款', 4)] },
  byDepartment: { rows: [] },
  byChannel: { rows: [] },
  bySeverity: { rows: [] },
  trend: { rows: [row('week', '2026-11-16', '2026-11-16', 5), row('week', '2026-11-09', '2026-11-09', 2)] },
} as unknown as DashboardStats;

describe('dashboard reading of complaintStats', () => {
  it('asks for every table dimension and the weekly trend in one request', () => {
    for (const groupBy of ['TYPE', 'CAUSE', 'DEPARTMENT', 'CHANNEL', 'SEVERITY', 'WEEK'])
      expect(STATS_QUERY).toContain(`groupBy: [${groupBy}]`);
  });

  it('shows fractions as percentages and the on-time rate of the resolution target', () => {
    expect(kpis(stats)).toEqual({ onTimeRate: 95, satisfactionRate: 80, effectiveResolutionRate: 92.5 });
    expect(onTimeRate([{ target: 'acknowledge', stopped: 4, met: 3, rate: 0.75 }])).toBe(75);
    expect(kpis(null).satisfactionRate).toBeUndefined();
  });

  it('lists a dimension largest first with the policy names, and hot causes without the uncategorised', () => {
    expect(dimension(stats, 'byType').map((b) => [b.label, b.count])).toEqual([
      ['服务态度', 7],
      ['收费争议', 3],
    ]);
    expect(hotCauses(stats).map((b) => b.key)).toEqual(['double_charge']);
  });

  it('draws the trend oldest week first', () => {
    expect(trend(stats).map((b) => b.count)).toEqual([2, 5]);
  });

  it('takes the KPI targets from the published policy, defaults where it sets none', () => {
    expect(kpiTargets(null)).toEqual({ onTimeRate: 95, satisfactionRate: 95, effectiveResolutionRate: 90 });
    expect(kpiTargets({ kpiTargets: { satisfactionRate: 0.8, onTimeRate: 0.9, effectiveResolutionRate: null } })).toEqual({
      onTimeRate: 90,
      satisfactionRate: 80,
      effectiveResolutionRate: 90,
    });
    // The on-time tile shows the resolution deadline, so the resolution deadline's own target wins.
    expect(kpiTargets({ kpiTargets: { onTimeRate: 0.9, onTimeByTarget: [{ target: 'resolution', rate: 0.985 }] } }).onTimeRate).toBe(98.5);
  });
});
