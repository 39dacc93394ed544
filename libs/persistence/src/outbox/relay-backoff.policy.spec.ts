import { backoffDelay } from './relay-backoff.policy';

const policy = { initialMs: 100, maxMs: 1_000 };

describe('backoffDelay', () => {
  it('does not wait before the first failure', () => {
    expect(backoffDelay(0, policy, () => 1)).toBe(0);
  });

  it('doubles from the initial delay with each consecutive failure', () => {
    expect([1, 2, 3, 4].map((failures) => backoffDelay(failures, policy, () => 1))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never exceeds the maximum, even after very many failures', () => {
    expect(backoffDelay(5, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(5_000, policy, () => 1)).toBe(1_000);
  });

  it('keeps at least half of the delay and jitters the other half', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(200);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(300);
  });
});
