import { backoffDelay, sleep } from './backoff';

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 1000 };

  it('doubles the ceiling per attempt and keeps the delay between half and all of it', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
  });

  it('never exceeds the maximum', () => {
    expect(backoffDelay(20, policy, () => 1)).toBe(1000);
  });
});

describe('sleep', () => {
  it('resolves at once when its signal aborts', async () => {
    // Without the abort this would outlive Jest's 5 s test timeout and fail.
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort();
    await expect(pending).resolves.toBeUndefined();
  });
});
