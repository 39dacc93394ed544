import { RateLimiter } from './rate.limiter';

describe('RateLimiter', () => {
  it('lets a burst through, then refuses with the seconds until the next token', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 0.5, burst: 2 }, () => now);
    limiter.admit('insurer:100');
    limiter.admit('insurer:100');
    expect(() => limiter.admit('insurer:100')).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: 2, retriable: true }),
    );
    now = 2000;
    expect(() => limiter.admit('insurer:100')).not.toThrow();
  });

  it('keeps one bucket per organisation', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1 }, () => 0);
    limiter.admit('insurer:100');
    expect(() => limiter.admit('insurer:200')).not.toThrow();
    expect(() => limiter.admit('insurer:100')).toThrow(
      expect.objectContaining({ code: 'RATE_LIMITED' }),
    );
  });
});
