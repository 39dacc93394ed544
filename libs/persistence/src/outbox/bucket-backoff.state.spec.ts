import { BucketBackoff } from './bucket-backoff.state';

describe('BucketBackoff', () => {
  const policy = { initialMs: 100, maxMs: 1_000 };

  it('makes only the failing bucket wait, and for a growing delay', () => {
    const backoff = new BucketBackoff(policy, () => 1);
    expect(backoff.recordFailure(3, 0)).toBe(100);
    expect(backoff.recordFailure(3, 100)).toBe(200);
    expect(backoff.isWaiting(3, 299)).toBe(true);
    expect(backoff.isWaiting(3, 300)).toBe(false);
    expect(backoff.isWaiting(4, 150)).toBe(false);
  });

  it('forgets the failures of a bucket once it succeeds', () => {
    const backoff = new BucketBackoff(policy, () => 1);
    backoff.recordFailure(3, 0);
    backoff.recordSuccess(3);
    expect(backoff.isWaiting(3, 1)).toBe(false);
    expect(backoff.recordFailure(3, 10)).toBe(100);
  });

  it('tells when the earliest waiting bucket is due', () => {
    const backoff = new BucketBackoff(policy, () => 1);
    expect(backoff.nextDueIn(0)).toBeUndefined();
    backoff.recordFailure(1, 0);
    backoff.recordFailure(2, 50);
    expect(backoff.nextDueIn(40)).toBe(60);
    expect(backoff.nextDueIn(500)).toBe(0);
  });

  it('remembers a failed bucket after its wait is over, until it succeeds (it is then retried on its own)', () => {
    const backoff = new BucketBackoff(policy, () => 1);
    expect(backoff.hasFailed(5)).toBe(false);
    backoff.recordFailure(5, 0);
    expect([backoff.isWaiting(5, 1_000), backoff.hasFailed(5)]).toEqual([false, true]);
    backoff.recordSuccess(5);
    expect(backoff.hasFailed(5)).toBe(false);
  });
});
