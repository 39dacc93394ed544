/** The answer of a bucket: go ahead, or wait this long. */
export type TakeResult =
  { readonly ok: true } | { readonly ok: false; readonly retryAfterSeconds: number };

/**
 * A token bucket: `capacity` tokens (the burst), refilled continuously at `refillPerSecond`.
 * Time comes from `now` (milliseconds) so tests drive it without waiting.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Takes one token if there is one; otherwise says when there will be. */
  take(): TakeResult {
    const at = this.now();
    this.tokens = Math.min(
      this.capacity,
      this.tokens + ((at - this.updatedAt) / 1000) * this.refillPerSecond,
    );
    this.updatedAt = at;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / this.refillPerSecond)),
    };
  }
}
