/** Time is injected so SLA tests, simulation and replays are deterministic. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock tests move by hand. */
export class ManualClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(date: Date | string): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * Moves the time every service reads from `clock` (the app's one injected instance) until `done()`: the demo seeder
 * replays 90 days of history through the real services with it. `set` moves it on; `done` gives the clock its own
 * time back. Only for seeding an empty demo tenant at start-up — never while requests are served.
 */
export function travelTo(clock: Clock, at: Date): { set(at: Date): void; done(): void } {
  let current = new Date(at.getTime());
  const target = clock as unknown as { now: () => Date };
  target.now = () => new Date(current.getTime());
  return {
    set(next) {
      current = new Date(next.getTime());
    },
    done() {
      delete (target as { now?: unknown }).now;
    },
  };
}
