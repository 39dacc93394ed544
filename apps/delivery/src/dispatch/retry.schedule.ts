import type { RetrySchedule } from '../directory/directory.types';
import { parseRetryAfter } from './retry-after.parser';

/** After a retryable failure: the next attempt's time, or the end of the schedule. */
export type RetryPlan =
  { readonly kind: 'retry'; readonly at: Date } | { readonly kind: 'exhausted' };

/** What the plan depends on. */
export interface RetryInput {
  readonly schedule: RetrySchedule;
  /** Attempts made in the current round (this failed one included); a replay starts a new round. */
  readonly attemptsInRound: number;
  readonly now: Date;
  /** The partner's Retry-After header, honoured up to `maxRetryAfterMs`. */
  readonly retryAfter?: string;
  readonly maxRetryAfterMs: number;
  /** Uniform in [0, 1); injectable for tests. */
  readonly random?: () => number;
}

/**
 * The next attempt of a retryable failure: the schedule's delay for this step with ± jitter, but
 * never sooner than the partner's Retry-After (capped, so a partner cannot park a message for
 * days). The schedule is data and the result is persisted as `next_attempt_at`, so a retry
 * survives restarts and is due by the process clock (which tests move).
 */
export function planRetry(input: RetryInput): RetryPlan {
  const { delaysMs, jitter } = input.schedule;
  const delay = delaysMs[input.attemptsInRound];
  if (delay === undefined) return { kind: 'exhausted' };
  const random = input.random ?? Math.random;
  const jittered = Math.round(delay * (1 + jitter * (2 * random() - 1)));
  const asked = parseRetryAfter(input.retryAfter, input.now);
  const honoured = asked === undefined ? 0 : Math.min(asked, input.maxRetryAfterMs);
  return { kind: 'retry', at: new Date(input.now.getTime() + Math.max(jittered, honoured)) };
}
