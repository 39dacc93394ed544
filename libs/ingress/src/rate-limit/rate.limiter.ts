import { IngressError } from '../errors/ingress.error';
import { TokenBucket } from './token.bucket';

/** Requests per second each organisation may sustain, and the burst it may send at once. */
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

/**
 * One token bucket per organisation, per gateway instance (ADR 0025): a misbehaving sender is
 * slowed down with 429 + Retry-After without touching the others.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Lets one request of `organisationId` through, or throws RATE_LIMITED. */
  admit(organisationId: string): void {
    let bucket = this.buckets.get(organisationId);
    if (!bucket) {
      bucket = new TokenBucket(this.limit.burst, this.limit.perSecond, this.now);
      this.buckets.set(organisationId, bucket);
    }
    const result = bucket.take();
    if (!result.ok) {
      throw new IngressError({
        code: 'RATE_LIMITED',
        message: 'too many requests from this organisation',
        retryAfterSeconds: result.retryAfterSeconds,
      });
    }
  }
}
