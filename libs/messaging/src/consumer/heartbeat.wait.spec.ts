import { waitWithHeartbeat, withKeepAlive } from './heartbeat.wait';

describe('waitWithHeartbeat', () => {
  it('waits the full time and heartbeats at least once a second', async () => {
    const heartbeat = jest.fn(async () => undefined);
    const started = Date.now();

    await expect(waitWithHeartbeat(1_200, heartbeat, new AbortController().signal)).resolves.toBe(
      true,
    );

    expect(Date.now() - started).toBeGreaterThanOrEqual(1_190);
    // Two slices (1 000 + 200 ms); a timer firing a millisecond early may add a tiny third one.
    expect(heartbeat.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(heartbeat.mock.calls.length).toBeLessThanOrEqual(3);
  });

  it('returns false at once when the consumer is stopping', async () => {
    const stopping = new AbortController();
    setTimeout(() => stopping.abort(), 10);
    const started = Date.now();

    await expect(waitWithHeartbeat(30_000, async () => undefined, stopping.signal)).resolves.toBe(
      false,
    );
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('rejects when a heartbeat fails (the group is rebalancing)', async () => {
    const rebalancing = async () => {
      throw new Error('The group is rebalancing');
    };
    await expect(waitWithHeartbeat(10, rebalancing, new AbortController().signal)).rejects.toThrow(
      'rebalancing',
    );
  });
});

describe('withKeepAlive', () => {
  it('heartbeats while slow work runs and stops once it is done', async () => {
    const heartbeat = jest.fn(async () => {
      throw new Error('ignored while working');
    });

    await expect(
      withKeepAlive(
        () => new Promise((resolve) => setTimeout(() => resolve('done'), 1_100)),
        heartbeat,
      ),
    ).resolves.toBe('done');
    const calls = heartbeat.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    expect(calls).toBe(1);
    expect(heartbeat).toHaveBeenCalledTimes(calls);
  });
});
