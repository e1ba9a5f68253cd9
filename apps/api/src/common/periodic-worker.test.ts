import { Logger } from '@nestjs/common';
import { PeriodicWorker } from './periodic-worker';

class Probe extends PeriodicWorker<number> {
  protected readonly logger = new Logger('Probe');
  sweeps = 0;
  constructor(interval: number) {
    super(interval);
  }
  protected async sweep(): Promise<number> {
    return ++this.sweeps;
  }
}

describe('PeriodicWorker', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, undefined as unknown as number])(
    'refuses the interval %s (setInterval would run it every millisecond)',
    (interval) => {
      expect(() => new Probe(interval)).toThrow(/^Probe: the sweep interval must be a positive number of milliseconds, got /);
    },
  );

  it('accepts a positive interval and sweeps on tick', async () => {
    const worker = new Probe(1_000);
    expect(await worker.tick()).toBe(1);
  });
});
