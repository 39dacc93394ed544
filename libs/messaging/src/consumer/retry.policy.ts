// Retry policy as data: what to do with a failed record is chosen from the error, then executed by
// the consumer runtime. No try/catch in handlers decides about retries.
import { HubError } from '@rtw/platform';

/** Exponential backoff: `initialMs * multiplier^(retry-1)`, capped at `maxMs`, spread by ±`jitter`. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
  multiplier: number;
  /** Fraction (0..1) of the delay by which it may randomly vary, so instances do not retry in step. */
  jitter: number;
}

/** What to do after a failure: retry in place up to `attempts` handler calls in all, or dead-letter. */
export type RetryPolicy =
  { type: 'retry'; attempts: number; backoff: Backoff } | { type: 'dead-letter' };

/** Chooses the policy for an error. */
export type RetryPolicyFor = (error: unknown) => RetryPolicy;

/** The next step for a record whose attempt number `attempt` (1-based) just failed. */
export type NextStep = { action: 'retry'; delayMs: number } | { action: 'dead-letter' };

/** Five calls in all, with waits of about 0.2, 0.4, 0.8 and 1.6 s (at most 3.6 s in all with jitter). */
export const DEFAULT_RETRY: Extract<RetryPolicy, { type: 'retry' }> = {
  type: 'retry',
  attempts: 5,
  backoff: { initialMs: 200, maxMs: 5_000, multiplier: 2, jitter: 0.2 },
};

const DEAD_LETTER: RetryPolicy = { type: 'dead-letter' };

/**
 * The hub's rule: a `HubError` flagged retriable gets `retry`; anything else (schema,
 * authorisation, programming errors, foreign errors) is final and dead-lettered at once.
 */
export function retryPolicyFor(retry: RetryPolicy = DEFAULT_RETRY): RetryPolicyFor {
  return (error) => (error instanceof HubError && error.retriable ? retry : DEAD_LETTER);
}

/** Applies a policy to the failure of attempt `attempt`. */
export function nextStep(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): NextStep {
  if (policy.type === 'dead-letter' || attempt >= policy.attempts) return { action: 'dead-letter' };
  return { action: 'retry', delayMs: backoffDelay(policy.backoff, attempt, random) };
}

/** The wait before retry number `retry` (1-based). */
export function backoffDelay(
  backoff: Backoff,
  retry: number,
  random: () => number = Math.random,
): number {
  const base = Math.min(backoff.maxMs, backoff.initialMs * backoff.multiplier ** (retry - 1));
  const spread = base * backoff.jitter * (2 * random() - 1);
  return Math.round(Math.min(backoff.maxMs, Math.max(0, base + spread)));
}

/** The longest a record can wait between its attempts under a policy: its partition's worst block. */
export function maxRetryWaitMs(policy: RetryPolicy): number {
  if (policy.type === 'dead-letter') return 0;
  let total = 0;
  for (let retry = 1; retry < policy.attempts; retry++)
    total += backoffDelay(policy.backoff, retry, () => 1);
  return total;
}
