import { TestHubError } from '@rtw/testing';
import {
  backoffDelay,
  DEFAULT_RETRY,
  maxRetryWaitMs,
  nextStep,
  retryPolicyFor,
  type RetryPolicy,
} from './retry.policy';

const backoff = { initialMs: 100, maxMs: 1_000, multiplier: 2, jitter: 0.5 };
const middle = () => 0.5;

describe('retryPolicyFor (the hub rule)', () => {
  const policyFor = retryPolicyFor();

  it('retries a HubError flagged retriable', () => {
    expect(
      policyFor(
        new TestHubError({ code: 'DB_DOWN', message: 'database unavailable', retriable: true }),
      ),
    ).toEqual(DEFAULT_RETRY);
  });

  it('dead-letters a final HubError, a foreign error, a kafkajs-style retriable object and a thrown string', () => {
    const finals = [
      new TestHubError({ code: 'SCHEMA_INVALID', message: 'schema', retriable: false }),
      new TypeError('x is undefined'),
      Object.assign(new Error('looks retriable'), { retriable: true }),
      'a string',
    ];
    for (const error of finals) expect(policyFor(error)).toEqual({ type: 'dead-letter' });
  });

  it('uses the retry policy it was given', () => {
    const custom: RetryPolicy = { type: 'retry', attempts: 2, backoff };
    expect(
      retryPolicyFor(custom)(new TestHubError({ code: 'X', message: 'x', retriable: true })),
    ).toBe(custom);
  });
});

describe('nextStep', () => {
  const policy: RetryPolicy = { type: 'retry', attempts: 3, backoff };

  it('retries until the attempt budget is spent, then dead-letters', () => {
    expect(nextStep(policy, 1, middle)).toEqual({ action: 'retry', delayMs: 100 });
    expect(nextStep(policy, 2, middle)).toEqual({ action: 'retry', delayMs: 200 });
    expect(nextStep(policy, 3, middle)).toEqual({ action: 'dead-letter' });
  });

  it('dead-letters at once under a dead-letter policy', () => {
    expect(nextStep({ type: 'dead-letter' }, 1)).toEqual({ action: 'dead-letter' });
  });
});

describe('backoffDelay', () => {
  it('grows exponentially from initialMs and stops at maxMs', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(backoff, retry, middle));
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it('spreads the delay by at most the jitter fraction either way', () => {
    expect(backoffDelay(backoff, 2, () => 0)).toBe(100);
    expect(backoffDelay(backoff, 2, () => 0.999999)).toBe(300);
  });

  it('never exceeds maxMs, jitter included', () => {
    expect(backoffDelay(backoff, 10, () => 0.999999)).toBe(1_000);
  });
});

describe('maxRetryWaitMs', () => {
  it('adds up the longest possible waits between attempts', () => {
    expect(maxRetryWaitMs({ type: 'retry', attempts: 3, backoff })).toBe(150 + 300);
    expect(maxRetryWaitMs({ type: 'dead-letter' })).toBe(0);
  });

  it('bounds the default policy at 3.6 seconds of waiting', () => {
    expect(maxRetryWaitMs(DEFAULT_RETRY)).toBe(3_600);
  });
});
