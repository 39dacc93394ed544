import { backoffDelay, type BackoffPolicy } from './relay-backoff.policy';

/**
 * Per-bucket backoff of one relay, in memory: a bucket whose publication keeps failing (a message
 * the broker rejects, a topic that does not exist) waits without slowing the other buckets.
 */
export class BucketBackoff {
  private readonly buckets = new Map<number, { failures: number; notBefore: number }>();

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random: () => number = Math.random,
  ) {}

  /** True while the bucket must not be tried. */
  isWaiting(bucket: number, now: number): boolean {
    const state = this.buckets.get(bucket);
    return state !== undefined && now < state.notBefore;
  }

  /** True when the bucket's last publication failed (waiting or due for its retry). */
  hasFailed(bucket: number): boolean {
    return this.buckets.has(bucket);
  }

  /** Records one more consecutive failure; returns the delay before the next try. */
  recordFailure(bucket: number, now: number): number {
    const failures = (this.buckets.get(bucket)?.failures ?? 0) + 1;
    const delay = backoffDelay(failures, this.policy, this.random);
    this.buckets.set(bucket, { failures, notBefore: now + delay });
    return delay;
  }

  /** Forgets the bucket's failures. */
  recordSuccess(bucket: number): void {
    this.buckets.delete(bucket);
  }

  /** Milliseconds until the earliest waiting bucket may be tried again; undefined when none waits. */
  nextDueIn(now: number): number | undefined {
    let earliest: number | undefined;
    for (const { notBefore } of this.buckets.values()) {
      if (earliest === undefined || notBefore < earliest) earliest = notBefore;
    }
    return earliest === undefined ? undefined : Math.max(0, earliest - now);
  }
}
