import { isDatabaseUnavailable, RateLimitedLog } from './failures';

describe('isDatabaseUnavailable', () => {
  it('recognises an unreachable database through the wrappers, and nothing else', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'Query failed', driverError: { code: '57P01', message: 'terminating connection' } })).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error('x', { cause: { code: 'SQLITE_BUSY' } }))).toBe(true);
    expect(isDatabaseUnavailable({ code: 'SQLITE_IOERR_WRITE' })).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([{ code: 'ECONNREFUSED' }]))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'duplicate key', driverError: { code: '23505' } })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe('RateLimitedLog', () => {
  it('writes a failure once per window and reports how often it recurred', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new RateLimitedLog(60_000, () => now);
    const logger = { error: (message: string) => lines.push(message) };
    for (let i = 0; i < 1000; i += 1) log.error(logger, `Database unavailable: connect ECONNREFUSED 127.0.0.1:${5000 + i}`);
    log.error(logger, 'Something else');
    expect(lines).toEqual(['Database unavailable: connect ECONNREFUSED 127.0.0.1:5000', 'Something else']);
    now = 60_000;
    log.error(logger, 'Database unavailable: connect ECONNREFUSED 127.0.0.1:5432');
    expect(lines[2]).toBe('Database unavailable: connect ECONNREFUSED 127.0.0.1:5432 (and 999 more like it since the last report)');
  });
});
