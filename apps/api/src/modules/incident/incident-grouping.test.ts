import { groupKeyOf, planGrouping, type GroupCandidate } from './incident-grouping';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 8, minute));
const complaint = (id: string, minute: number, key: string | null = 'NET|SZ-1'): GroupCandidate => ({ id, receivedAt: at(minute), key });

describe('incident grouping (批量事件)', () => {
  it('groups complaints with the same key within the window once the threshold is reached', () => {
    const plan = planGrouping([complaint('a', 0), complaint('b', 5), complaint('c', 19)], [], 20, 3);
    expect(plan.creations).toEqual([{ key: 'NET|SZ-1', complaintIds: ['a', 'b', 'c'], firstAt: at(0), lastAt: at(19) }]);
  });

  it('does not group below the threshold, across keys, or outside the window', () => {
    expect(planGrouping([complaint('a', 0), complaint('b', 5)], [], 20, 3).creations).toEqual([]);
    expect(planGrouping([complaint('a', 0), complaint('b', 5, 'NET|SZ-2'), complaint('c', 6)], [], 20, 3).creations).toEqual([]);
    expect(planGrouping([complaint('a', 0), complaint('b', 5), complaint('c', 21)], [], 20, 3).creations).toEqual([]);
    expect(planGrouping([complaint('a', 0, null), complaint('b', 1, null), complaint('c', 2, null)], [], 20, 3).creations).toEqual([]);
  });

  it('lets later complaints of the same key join the open incident within the window of its latest member', () => {
    const plan = planGrouping(
      [complaint('d', 30), complaint('e', 45), complaint('f', 90)],
      [{ id: 'inc', key: 'NET|SZ-1', lastAt: at(19) }],
      20,
      3,
    );
    expect(plan.joins).toEqual([{ incidentId: 'inc', complaintIds: ['d', 'e'], lastAt: at(45) }]);
    expect(plan.creations).toEqual([]);
  });

  it('normalises the key as staff type it (case, width, spaces) and refuses a missing value', () => {
    expect(groupKeyOf(['telecom_network', ' sz-ns-0231 '])).toBe(groupKeyOf(['telecom_network', 'SZ-NS-0231']));
    expect(groupKeyOf(['telecom_network', 'ＳＺ－ＮＳ'])).toBe('TELECOM_NETWORK|SZ-NS');
    expect(groupKeyOf(['telecom_network', ''])).toBeNull();
    expect(groupKeyOf(['telecom_network', undefined])).toBeNull();
  });
});
