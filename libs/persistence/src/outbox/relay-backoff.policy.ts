/** Exponential backoff bounds, in milliseconds. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/**
 * Delay before the next attempt after `failures` consecutive failures (>= 1): doubles from
 * `initialMs` up to `maxMs`, then keeps a random half of it ("equal jitter") so that several
 * relays hitting the same outage do not retry in lockstep.
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  if (failures < 1) return 0;
  // Cap the exponent first: 2 ** 1100 is Infinity.
  const exponential = policy.initialMs * 2 ** Math.min(failures - 1, 30);
  const capped = Math.min(policy.maxMs, exponential);
  return Math.round(capped / 2 + random() * (capped / 2));
}
