/**
 * Where time comes from. Every rule that depends on "now" (legal deadlines, retry schedules,
 * retention, yearly datasets) takes a Clock, so tests can move time instead of waiting for it.
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The machine's clock shifted by an offset that tests can change (`advance`, `set`). Production
 * processes never change it: the runtime exposes the control only when TEST_CLOCK_CONTROL is on,
 * which is refused when NODE_ENV=production.
 */
export class OffsetClock implements Clock {
  private offsetMs = 0;

  constructor(private readonly base: Clock = systemClock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  /** Moves time forward (or back, with a negative amount). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Makes `now()` return `instant` at this moment (time keeps running from there). */
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - this.base.now().getTime();
  }

  /** The current shift from the base clock. */
  offset(): number {
    return this.offsetMs;
  }
}
