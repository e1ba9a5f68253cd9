import { bucketSql, dayBucketSql, localDate, mondayOf, startOfLocalDay, zoneOffsetMinutes } from './time-buckets';

describe('time buckets', () => {
  it('knows Shanghai is UTC+8 and where its days begin', () => {
    expect(zoneOffsetMinutes('Asia/Shanghai', new Date('2026-11-25T02:00:00Z'))).toBe(480);
    expect(localDate(new Date('2026-11-29T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(startOfLocalDay('2026-11-30', 'Asia/Shanghai').toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('starts weeks on Monday', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30'); // Monday
    expect(mondayOf('2026-12-02')).toBe('2026-11-30');
  });

  it('writes bucket SQL per database and refuses odd zone names', () => {
    expect(bucketSql('sqlite', 'week', 'c.received_at', 'Asia/Shanghai', 480)).toBe(
      "date(c.received_at, '+480 minutes', '-6 days', 'weekday 1')",
    );
    expect(bucketSql('postgres', 'month', 'c.received_at', 'Asia/Shanghai', 480)).toBe(
      "to_char((c.received_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM')",
    );
    expect(() => bucketSql('postgres', 'week', 'c.received_at', "x'; drop table complaint; --", 0)).toThrow(RangeError);
  });

  it("buckets the rollup's local days into the same weeks and months", () => {
    expect(dayBucketSql('sqlite', 'week', 'c.day')).toBe("date(c.day, '-6 days', 'weekday 1')");
    expect(dayBucketSql('postgres', 'week', 'c.day')).toBe("to_char(date_trunc('week', CAST(c.day AS date)), 'YYYY-MM-DD')");
    expect(dayBucketSql('postgres', 'month', 'c.day')).toBe('substr(c.day, 1, 7)');
  });
});
