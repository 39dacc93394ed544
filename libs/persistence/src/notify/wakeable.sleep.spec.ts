import { WakeableSleep } from './wakeable.sleep';

describe('WakeableSleep', () => {
  it('ends a running sleep as soon as it is woken', async () => {
    const sleeper = new WakeableSleep();
    const started = Date.now();
    const sleeping = sleeper.sleep(10_000);
    sleeper.wake();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('remembers a wake-up that came while nobody slept, once', async () => {
    const sleeper = new WakeableSleep();
    sleeper.wake();
    const started = Date.now();
    await sleeper.sleep(10_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    const second = await Promise.race([
      sleeper.sleep(200).then(() => 'slept'),
      new Promise((resolve) => setTimeout(() => resolve('still sleeping'), 50)),
    ]);
    expect(second).toBe('still sleeping');
  });
});
