import { DEFAULT_LIMITS } from '../directory/directory-defaults';
import { OrganisationResilience } from './organisation.resilience';

const failing = async () => ({ breakerFailure: true });
const succeeding = async () => ({ breakerFailure: false });

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function shield(concurrency = 2, turnsPerPlace = 1) {
  return new OrganisationResilience(
    {
      id: 'regional:actiris',
      limits: {
        ...DEFAULT_LIMITS,
        concurrency,
        circuit: { failureRate: 0.5, window: 4, minimumCalls: 4, halfOpenAfterMs: 100 },
      },
    },
    Date.now,
    turnsPerPlace,
  );
}

describe('OrganisationResilience', () => {
  it('offers its free places to the dispatcher, counted from claim to settlement', () => {
    const actiris = shield(2);
    expect(actiris.capacity()).toBe(2);
    actiris.begin();
    expect(actiris.capacity()).toBe(1);
    actiris.begin();
    expect(actiris.capacity()).toBe(0);
    actiris.end();
    expect(actiris.capacity()).toBe(1);
  });

  it('opens when most of the latest attempts failed, refuses calls, then lets one probe through and closes on success', async () => {
    const actiris = shield(2);
    for (let i = 0; i < 3; i += 1) await actiris.run(failing);
    expect(actiris.circuit).toBe('closed'); // fewer than minimumCalls so far
    await actiris.run(failing);
    expect(actiris.circuit).toBe('open');
    expect(actiris.capacity()).toBe(0);
    expect(await actiris.run(succeeding)).toEqual({ ran: false });

    await until(() => actiris.capacity() === 1, 'a probe to be allowed');
    actiris.begin();
    expect(actiris.capacity()).toBe(0); // one probe at a time
    expect(await actiris.run(succeeding)).toEqual({ ran: true, result: { breakerFailure: false } });
    actiris.end();
    expect(actiris.circuit).toBe('closed');
    expect(actiris.capacity()).toBe(2);
  });

  it('does not count a partner’s final refusal against it', async () => {
    const actiris = shield(2);
    for (let i = 0; i < 10; i += 1) await actiris.run(succeeding);
    expect(actiris.circuit).toBe('closed');
  });

  it('lets several turns per place be under way, but never more requests than the concurrency', async () => {
    const actiris = shield(2, 3);
    expect(actiris.capacity()).toBe(6);
    for (let i = 0; i < 6; i += 1) actiris.begin();
    expect(actiris.capacity()).toBe(0);
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const call = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running -= 1;
      return { breakerFailure: false };
    };
    // Six turns reach the request at once: two go, four wait in the queue, none is refused.
    const calls = Array.from({ length: 6 }, () => actiris.run(call));
    await until(() => releases.length === 2, 'two requests in flight');
    expect(actiris.inFlight).toBe(2);
    while (releases.length > 0 || running > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await Promise.all(calls)).toEqual(
      Array.from({ length: 6 }, () => ({ ran: true, result: { breakerFailure: false } })),
    );
    expect(peak).toBe(2);
  });
});
