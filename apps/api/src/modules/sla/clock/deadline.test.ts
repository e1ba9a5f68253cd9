import { describe, expect, it } from 'vitest';
import { BusinessCalendar } from '../calendar/business-calendar';
import {
  type ClockState,
  type DurationSpec,
  ExtensionLimitError,
  SlaClockError,
  cancelClock,
  computeDue,
  defaultNonWorkingDayRule,
  extendClock,
  pauseClock,
  remainingWorkingMinutes,
  resumeClock,
  slaStatus,
  startClock,
  stopClock,
  warningAt,
} from './deadline';

const sh = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`);
const iso = (d: Date) => d.toISOString();
const cal = new BusinessCalendar(); // Asia/Shanghai, 09–12 + 13–18, Chinese holidays

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SlaClockError);
    expect((e as SlaClockError).code).toBe(code);
    return;
  }
  throw new Error(`expected SlaClockError ${code}`);
}

describe('computeDue', () => {
  it('natural minutes / hours are plain elapsed time, kept at night by default', () => {
    expect(iso(computeDue(sh('2025-09-26 22:00'), { amount: 30, kind: 'natural_minutes' }, cal))).toBe(iso(sh('2025-09-26 22:30')));
    expect(iso(computeDue(sh('2025-09-26 22:00'), { amount: 4, kind: 'natural_hours' }, cal))).toBe(iso(sh('2025-09-27 02:00')));
    expect(defaultNonWorkingDayRule('natural_hours')).toBe('keep');
  });

  it('natural-day deadline landing on a holiday rolls forward (default: end of next working day)', () => {
    const start = sh('2025-09-16 10:00');
    const d15 = { amount: 15, kind: 'natural_days' } as const;
    expect(defaultNonWorkingDayRule('natural_days')).toBe('roll_forward_end_of_next_working_day');
    expect(iso(computeDue(start, d15, cal))).toBe(iso(sh('2025-10-09 18:00')));
    expect(iso(computeDue(start, d15, cal, 'roll_forward_start_of_next_working_day'))).toBe(iso(sh('2025-10-09 09:00')));
    expect(iso(computeDue(start, d15, cal, 'keep'))).toBe(iso(sh('2025-10-01 10:00')));
    // lands on a normal weekend → next Monday; lands on a 调休 Saturday → stays
    expect(iso(computeDue(sh('2025-09-06 10:00'), { amount: 14, kind: 'natural_days' }, cal))).toBe(iso(sh('2025-09-22 18:00')));
    expect(iso(computeDue(sh('2025-09-26 10:00'), { amount: 15, kind: 'natural_days' }, cal))).toBe(iso(sh('2025-10-11 10:00')));
    // Spring Festival 2026: Feb 1 + 15 days = Feb 16 (holiday) → Feb 24 end of day
    expect(iso(computeDue(sh('2026-02-01 15:00'), { amount: 15, kind: 'natural_days' }, cal))).toBe(iso(sh('2026-02-24 18:00')));
  });

  it('natural-hour deadline on a holiday can be rolled explicitly', () => {
    expect(
      iso(computeDue(sh('2025-09-30 17:00'), { amount: 24, kind: 'natural_hours' }, cal, 'roll_forward_start_of_next_working_day')),
    ).toBe(iso(sh('2025-10-09 09:00')));
  });

  it('working minutes / hours / days', () => {
    expect(iso(computeDue(sh('2025-09-29 10:30'), { amount: 4, kind: 'working_hours' }, cal))).toBe(iso(sh('2025-09-29 15:30')));
    expect(iso(computeDue(sh('2025-09-30 17:30'), { amount: 90, kind: 'working_minutes' }, cal))).toBe(iso(sh('2025-10-09 10:00')));
    expect(iso(computeDue(sh('2025-09-30 17:00'), { amount: 3, kind: 'working_days' }, cal))).toBe(iso(sh('2025-10-11 18:00')));
  });

  it('respects tenant closures', () => {
    const c = new BusinessCalendar({ closures: ['2025-09-30'] });
    expect(iso(computeDue(sh('2025-09-29 10:00'), { amount: 1, kind: 'working_days' }, c))).toBe(iso(sh('2025-10-09 18:00')));
    expect(iso(computeDue(sh('2025-09-29 10:00'), { amount: 1, kind: 'natural_days' }, c))).toBe(iso(sh('2025-10-09 18:00')));
  });

  it('rejects invalid durations', () => {
    expectCode(() => computeDue(sh('2025-09-29 10:00'), { amount: -1, kind: 'natural_hours' }, cal), 'INVALID_ARGUMENT');
    expectCode(() => computeDue(sh('2025-09-29 10:00'), { amount: 1.5, kind: 'working_days' }, cal), 'INVALID_ARGUMENT');
    expectCode(() => computeDue(new Date(NaN), { amount: 1, kind: 'working_days' }, cal), 'INVALID_ARGUMENT');
  });
});

describe('warningAt', () => {
  it('uses working time for working kinds', () => {
    const start = sh('2025-09-22 09:00');
    const due = computeDue(start, { amount: 10, kind: 'working_hours' }, cal);
    expect(iso(due)).toBe(iso(sh('2025-09-23 11:00')));
    expect(iso(warningAt(start, due, 80, cal, 'working_hours'))).toBe(iso(sh('2025-09-22 18:00')));
    expect(iso(warningAt(start, due, 50, cal, 'working_hours'))).toBe(iso(sh('2025-09-22 15:00')));
    expect(iso(warningAt(start, due, 100, cal, 'working_hours'))).toBe(iso(due));
    expect(iso(warningAt(start, due, 0, cal, 'working_hours'))).toBe(iso(start));
  });

  it('across a holiday the working-time warning skips the holiday', () => {
    const start = sh('2025-09-30 17:00');
    const due = computeDue(start, { amount: 3, kind: 'working_days' }, cal); // 10-11 18:00, 25 working hours
    expect(cal.workingMinutesBetween(start, due)).toBe(25 * 60);
    expect(iso(warningAt(start, due, 80, cal, 'working_days'))).toBe(iso(sh('2025-10-11 12:00')));
  });

  it('uses elapsed time for natural kinds', () => {
    const start = sh('2025-09-22 09:00');
    const due = sh('2025-09-22 19:00');
    expect(iso(warningAt(start, due, 80, cal, 'natural_hours'))).toBe(iso(sh('2025-09-22 17:00')));
    expectCode(() => warningAt(start, due, 120, cal, 'natural_hours'), 'INVALID_ARGUMENT');
  });
});

describe('SLA clock', () => {
  const hours16: DurationSpec = { amount: 16, kind: 'working_hours' };

  it('starts running with due and 80 % warning', () => {
    const s = startClock(sh('2025-09-22 09:00'), hours16, cal);
    expect(s).toMatchObject({
      state: 'running',
      startedAt: iso(sh('2025-09-22 09:00')),
      dueAt: iso(sh('2025-09-23 18:00')),
      warnAt: iso(sh('2025-09-23 14:48')), // 12.8 working hours
      pausedMinutes: 0,
      extensions: [],
    });
    expect(slaStatus(s, sh('2025-09-22 10:00'))).toBe('on_time');
    expect(slaStatus(s, sh('2025-09-23 16:00'))).toBe('at_risk');
    expect(slaStatus(s, sh('2025-09-23 18:00'))).toBe('at_risk');
    expect(slaStatus(s, sh('2025-09-23 18:01'))).toBe('breached');
    expect(remainingWorkingMinutes(s, sh('2025-09-22 17:00'), cal)).toBe(540);
    expect(remainingWorkingMinutes(s, sh('2025-09-24 10:00'), cal)).toBe(-60);
    // JSON round-trip safe
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('pause / resume pushes due forward by the paused WORKING time', () => {
    let s = startClock(sh('2025-09-22 09:00'), hours16, cal);
    s = pauseClock(s, sh('2025-09-22 17:00'));
    expect(s.state).toBe('paused');
    expect(slaStatus(s, sh('2025-09-23 09:30'))).toBe('paused');
    // frozen while paused
    expect(remainingWorkingMinutes(s, sh('2025-09-23 09:30'), cal)).toBe(540);
    expect(remainingWorkingMinutes(s, sh('2025-09-30 09:30'), cal)).toBe(540);
    s = resumeClock(s, sh('2025-09-23 10:00'), cal, 'working_hours');
    expect(s.state).toBe('running');
    expect(s.pausedAt).toBeNull();
    expect(s.pausedMinutes).toBe(120); // Mon 17–18 + Tue 09–10
    expect(s.dueAt).toBe(iso(sh('2025-09-24 11:00')));
    expect(s.warnAt).toBe(iso(sh('2025-09-23 16:48')));
    expect(remainingWorkingMinutes(s, sh('2025-09-23 10:00'), cal)).toBe(540);
    expect(s.pauses).toEqual([{ from: iso(sh('2025-09-22 17:00')), to: iso(sh('2025-09-23 10:00')) }]);
  });

  it('a pause over a weekend / holiday only counts working time', () => {
    let s = startClock(sh('2025-09-30 10:00'), { amount: 3, kind: 'working_days' }, cal);
    expect(s.dueAt).toBe(iso(sh('2025-10-11 18:00')));
    s = pauseClock(s, sh('2025-09-30 17:00'));
    s = resumeClock(s, sh('2025-10-09 09:30'), cal); // kind taken from the state
    expect(s.pausedMinutes).toBe(90);
    expect(s.dueAt).toBe(iso(sh('2025-10-13 10:30')));
  });

  it('natural-time clocks pause in elapsed minutes and re-apply the roll-forward once', () => {
    let s = startClock(sh('2025-09-14 10:00'), { amount: 15, kind: 'natural_days' }, cal);
    expect(s.dueAt).toBe(iso(sh('2025-09-29 10:00')));
    s = pauseClock(s, sh('2025-09-15 10:00'));
    s = resumeClock(s, sh('2025-09-17 10:00'), cal);
    expect(s.pausedMinutes).toBe(2 * 24 * 60);
    // 09-29 10:00 + 2 days = 10-01 (holiday) → end of 10-09
    expect(s.dueAt).toBe(iso(sh('2025-10-09 18:00')));
  });

  it('resumeClock with a different kind than the clock is rejected', () => {
    const s = pauseClock(startClock(sh('2025-09-22 09:00'), hours16, cal), sh('2025-09-22 10:00'));
    expectCode(() => resumeClock(s, sh('2025-09-22 11:00'), cal, 'natural_hours'), 'KIND_MISMATCH');
  });

  it('resume works on a bare state without bookkeeping (incremental push)', () => {
    const bare: ClockState = {
      startedAt: iso(sh('2025-09-22 09:00')),
      dueAt: iso(sh('2025-09-23 18:00')),
      pausedAt: iso(sh('2025-09-22 17:00')),
      pausedMinutes: 0,
      state: 'paused',
      extensions: [],
    };
    const s = resumeClock(bare, sh('2025-09-23 10:00'), cal, 'working_hours');
    expect(s.dueAt).toBe(iso(sh('2025-09-24 11:00')));
    expect(s.pausedMinutes).toBe(120);
    expectCode(() => resumeClock(bare, sh('2025-09-23 10:00'), cal), 'INVALID_ARGUMENT');
  });

  it('stop: met on time, breached when late, judged at pausedAt when paused', () => {
    const s = startClock(sh('2025-09-22 09:00'), hours16, cal);
    const met = stopClock(s, sh('2025-09-23 17:59'));
    expect(met.state).toBe('met');
    expect(met.stoppedAt).toBe(iso(sh('2025-09-23 17:59')));
    expect(slaStatus(met, sh('2025-12-01 00:00'))).toBe('met');
    expect(remainingWorkingMinutes(met, sh('2025-12-01 00:00'), cal)).toBe(1);

    const late = stopClock(s, sh('2025-09-24 09:30'));
    expect(late.state).toBe('breached');
    expect(slaStatus(late, sh('2025-09-24 09:30'))).toBe('breached');

    const paused = pauseClock(s, sh('2025-09-23 12:00'));
    expect(stopClock(paused, sh('2025-10-20 10:00')).state).toBe('met');

    const pausedLate = pauseClock(s, sh('2025-09-24 12:00'));
    expect(slaStatus(pausedLate, sh('2025-09-24 13:00'))).toBe('breached');
    expect(stopClock(pausedLate, sh('2025-09-25 10:00')).state).toBe('breached');
  });

  it('cancel and invalid transitions throw typed errors', () => {
    const s = startClock(sh('2025-09-22 09:00'), hours16, cal);
    const c = cancelClock(s, sh('2025-09-22 10:00'));
    expect(slaStatus(c, sh('2025-09-22 10:00'))).toBe('cancelled');
    expectCode(() => pauseClock(c, sh('2025-09-22 11:00')), 'INVALID_TRANSITION');
    expectCode(() => resumeClock(s, sh('2025-09-22 11:00'), cal), 'INVALID_TRANSITION');
    expectCode(() => stopClock(stopClock(s, sh('2025-09-22 11:00')), sh('2025-09-22 12:00')), 'INVALID_TRANSITION');
    expectCode(() => pauseClock(s, sh('2025-09-21 11:00')), 'TIME_TRAVEL');
    const p = pauseClock(s, sh('2025-09-22 11:00'));
    expectCode(() => pauseClock(p, sh('2025-09-22 12:00')), 'INVALID_TRANSITION');
    expectCode(() => resumeClock(p, sh('2025-09-22 10:00'), cal), 'TIME_TRAVEL');
  });
});

describe('extensions 15 → 30 → 60 natural days', () => {
  const stages: DurationSpec[] = [
    { amount: 15, kind: 'natural_days' },
    { amount: 30, kind: 'natural_days' },
    { amount: 60, kind: 'natural_days' },
  ];

  it('moves one stage at a time, measured from the start, and throws past the last stage', () => {
    let s = startClock(sh('2025-09-01 10:00'), stages[0], cal);
    expect(s.dueAt).toBe(iso(sh('2025-09-16 10:00')));

    s = extendClock(s, stages, '情况复杂，需要调查', sh('2025-09-10 10:00'), cal, { approvedBy: 'manager-1' });
    // 09-01 + 30 days = 10-01 (National Day) → end of 10-09
    expect(s.dueAt).toBe(iso(sh('2025-10-09 18:00')));
    expect(s.duration).toEqual(stages[1]);
    expect(s.extensions).toEqual([
      {
        stage: 1,
        reason: '情况复杂，需要调查',
        approvedBy: 'manager-1',
        at: iso(sh('2025-09-10 10:00')),
        newDueAt: iso(sh('2025-10-09 18:00')),
      },
    ]);
    expect(slaStatus(s, sh('2025-09-20 10:00'))).toBe('on_time');

    s = extendClock(s, stages, '需第三方鉴定', sh('2025-10-09 09:00'), cal, 'director-2');
    expect(s.dueAt).toBe(iso(sh('2025-10-31 10:00')));
    expect(s.extensions.map((e) => [e.stage, e.approvedBy])).toEqual([
      [1, 'manager-1'],
      [2, 'director-2'],
    ]);

    try {
      extendClock(s, stages, 'again', sh('2025-10-20 10:00'), cal);
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ExtensionLimitError);
      expect(e).toBeInstanceOf(SlaClockError);
      expect((e as ExtensionLimitError).code).toBe('EXTENSION_LIMIT');
      expect((e as ExtensionLimitError).maxStage).toBe(2);
    }
  });

  it('keeps paused time when extending, and refuses extensions after the due date by default', () => {
    let s = startClock(sh('2025-09-01 10:00'), stages[0], cal);
    s = pauseClock(s, sh('2025-09-02 10:00'));
    s = resumeClock(s, sh('2025-09-05 10:00'), cal);
    expect(s.pausedMinutes).toBe(3 * 1440);
    expect(s.dueAt).toBe(iso(sh('2025-09-19 10:00')));
    const e = extendClock(s, stages, 'complex', sh('2025-09-10 10:00'), cal);
    // 09-01 + 30 d + 3 d = 10-04 (holiday) → end of 10-09
    expect(e.dueAt).toBe(iso(sh('2025-10-09 18:00')));

    expectCode(() => extendClock(s, stages, 'late', sh('2025-09-20 10:00'), cal), 'EXTENSION_AFTER_DUE');
    expect(extendClock(s, stages, 'late', sh('2025-09-20 10:00'), cal, { allowAfterDue: true }).extensions).toHaveLength(1);
    expectCode(() => extendClock(s, stages, '  ', sh('2025-09-10 10:00'), cal), 'INVALID_ARGUMENT');
  });

  it('an extension that would not move the due later is rejected', () => {
    const s = startClock(sh('2025-09-01 10:00'), { amount: 20, kind: 'natural_days' }, cal);
    expectCode(
      () => extendClock(s, [stages[0], { amount: 10, kind: 'natural_days' }], 'x', sh('2025-09-02 10:00'), cal),
      'EXTENSION_NOT_LONGER',
    );
  });

  it('extension to a different kind re-measures paused time in the new kind', () => {
    let s = startClock(sh('2025-09-22 09:00'), { amount: 2, kind: 'working_days' }, cal);
    s = pauseClock(s, sh('2025-09-22 17:00'));
    s = resumeClock(s, sh('2025-09-23 10:00'), cal);
    expect(s.pausedMinutes).toBe(120);
    const e = extendClock(
      s,
      [
        { amount: 2, kind: 'working_days' },
        { amount: 5, kind: 'natural_days' },
      ],
      'complex',
      sh('2025-09-23 11:00'),
      cal,
    );
    expect(e.pausedMinutes).toBe(17 * 60); // natural minutes of the pause
    expect(e.dueAt).toBe(iso(sh('2025-09-28 02:00'))); // 09-27 09:00 + 17 h; 09-28 is a 调休 Sunday → kept
  });
});
