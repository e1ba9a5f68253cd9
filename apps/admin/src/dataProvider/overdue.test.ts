import { escalationsOf, latestEscalations, overdueParams, pressingClock, recentEscalations } from './overdue';

describe('overdue & escalations', () => {
  it('asks for open complaints breached or at risk, soonest deadline first, narrowed by department and severity', () => {
    expect(overdueParams({ filter: {}, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 25 } })).toEqual({
      filter: { slaStatus: ['breached', 'at_risk'], open: true },
      sort: { field: 'resolutionDueAt', order: 'ASC' },
      pagination: { page: 1, perPage: 25 },
    });
    expect(
      overdueParams({
        filter: { department: 'compliance', severity: 'major', slaStatus: 'breached' },
        sort: { field: 'receivedAt', order: 'DESC' },
        pagination: { page: 2, perPage: 25 },
      }),
    ).toMatchObject({
      filter: { slaStatus: ['breached'], open: true, department: 'compliance', severity: ['major'] },
      sort: { field: 'receivedAt', order: 'DESC' },
    });
    // Anything else in the status filter cannot widen the view to complaints on time.
    expect(overdueParams({ filter: { slaStatus: 'on_time' } } as any).filter.slaStatus).toEqual(['breached', 'at_risk']);
  });

  const timeline = [
    { seq: 1, type: 'received', at: '2026-11-25T02:00:00.000Z' },
    { seq: 2, type: 'escalation', at: '2026-11-26T02:00:00.000Z', data: { trigger: 'warning', action: { type: 'notify' } } },
    { seq: 3, type: 'sla.breached', at: '2026-11-27T02:00:00.000Z' },
    // A breach: the rule raises the severity (told by its escalation event, not twice) and notifies, in one instant.
    { seq: 4, type: 'severity.raised', at: '2026-11-27T02:00:00.000Z', data: { from: 'normal', to: 'urgent', ruleKey: 'esc-breach' } },
    {
      seq: 5,
      type: 'escalation',
      at: '2026-11-27T02:00:00.000Z',
      data: { trigger: 'breach', action: { type: 'raise_severity', to: 'urgent' } },
    },
    { seq: 6, type: 'escalation', at: '2026-11-27T02:00:00.000Z', data: { trigger: 'breach', action: { type: 'notify' } } },
  ];

  it('reads a complaint’s escalations newest first, a rule’s severity raise once, and the latest across complaints', () => {
    expect(escalationsOf(timeline).map((e) => e.seq)).toEqual([6, 5, 2]);
    expect(escalationsOf(undefined)).toEqual([]);
    // The latest moment in the order it happened, and how many came before.
    expect(latestEscalations(timeline)).toEqual({ latest: [timeline[4], timeline[5]], earlier: 1 });
    const byHand = [
      { seq: 9, type: 'escalated', at: '2026-11-28T02:00:00.000Z' },
      { seq: 8, type: 'severity.raised', at: '2026-11-28T01:00:00.000Z', data: { from: 'normal', to: 'major' } },
    ];
    expect(escalationsOf(byHand).map((e) => e.type)).toEqual(['escalated', 'severity.raised']);
    expect(latestEscalations([])).toEqual({ latest: [], earlier: 0 });
    const recent = recentEscalations(
      [
        { id: 'a', number: '2611-0001', timeline },
        { id: 'b', number: '2611-0002', timeline: [{ type: 'escalation', at: '2026-11-27T12:00:00.000Z' }] },
      ],
      3,
    );
    expect(recent.map((r) => `${r.number} ${r.event.seq ?? '-'}`)).toEqual(['2611-0002 -', '2611-0001 6', '2611-0001 5']);
  });

  it('shows the clock that makes the complaint late: breached before at risk, the earliest due among equals, never a stopped one', () => {
    const clocks = [
      { target: 'first_response', status: 'met', dueAt: '2026-11-25T03:00:00.000Z' },
      { target: 'resolution', status: 'at_risk', dueAt: '2026-11-27T10:00:00.000Z', remainingWorkingMinutes: 30 },
      { target: 'regulatory_answer', status: 'breached', dueAt: '2026-11-28T10:00:00.000Z', remainingWorkingMinutes: -90 },
      { target: 'progress_update', status: 'breached', dueAt: '2026-11-26T10:00:00.000Z', remainingWorkingMinutes: -600 },
    ];
    expect(pressingClock(clocks)?.target).toBe('progress_update');
    expect(pressingClock(clocks.slice(0, 2))?.target).toBe('resolution');
    expect(pressingClock([clocks[0]])).toBeUndefined();
  });
});
