import type { DeliveryLimits, RetrySchedule } from './directory.types';

/**
 * What an organisation gets unless its entry (or the file's `defaults`) says otherwise. The
 * schedule is the issue's: at once, 10 s, 1 min, 10 min, 1 h, 6 h, 24 h (about 31 hours in all,
 * enough to ride out a partner's maintenance night), ±10 % jitter, then dead-letter.
 */
export const DEFAULT_LIMITS: DeliveryLimits = {
  concurrency: 4,
  timeoutMs: 15_000,
  maxRetryAfterMs: 3_600_000,
  circuit: { failureRate: 0.5, window: 20, minimumCalls: 5, halfOpenAfterMs: 30_000 },
};

/** The default retry schedule (see {@link DEFAULT_LIMITS}). */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  delaysMs: [0, 10_000, 60_000, 600_000, 3_600_000, 21_600_000, 86_400_000],
  jitter: 0.1,
};
