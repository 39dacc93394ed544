import { createLogger, HUB_CONFIG_SPEC, loadConfig } from '@rtw/platform';
import { Writable } from 'node:stream';
import type { HubConfig } from '../bootstrap/tokens';
import { ReadinessRegistry } from '../health/readiness.registry';
import type { RunningComponent } from './background-component.types';
import { BackgroundSupervisor } from './background.supervisor';

const quiet = createLogger({
  app: 'test',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});
const config = {
  ...loadConfig(HUB_CONFIG_SPEC, { BACKGROUND_RETRY_MAX_MS: '100' }),
  app: 'test',
  port: 0,
} as HubConfig;

function setUp() {
  const readiness = new ReadinessRegistry();
  const supervisor = new BackgroundSupervisor(config, quiet, readiness);
  const reportOf = (name: string) =>
    readiness
      .list()
      .find((check) => check.name === name)!
      .check();
  return { readiness, supervisor, reportOf };
}

async function eventually(condition: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A dependency the test connects when it wants. */
function dependency() {
  let connect!: (value: boolean) => void;
  const ready = new Promise<boolean>((resolve) => (connect = resolve));
  return { ready: () => ready, connect: () => connect(true) };
}

describe('BackgroundSupervisor', () => {
  it('waits for the dependency, then starts the component once and reports it up', async () => {
    const { supervisor, reportOf } = setUp();
    const kafka = dependency();
    supervisor.provideDependency('kafka', kafka.ready);
    const starts: number[] = [];
    supervisor.supervise({
      name: 'consumer:a',
      needs: ['kafka'],
      start: async () => {
        starts.push(Date.now());
        return { stop: async () => undefined };
      },
    });

    expect(supervisor.stateOf('consumer:a')).toBe('waiting');
    expect(await reportOf('consumer:a')).toEqual({
      status: 'down',
      reason: 'waiting for kafka',
    });
    kafka.connect();
    await eventually(() => supervisor.stateOf('consumer:a') === 'running', 'running');

    expect(starts).toHaveLength(1);
    expect(await reportOf('consumer:a')).toEqual({ status: 'up' });
    await supervisor.onModuleDestroy();
  });

  it('retries a failed start with backoff and reports a required component down meanwhile', async () => {
    const { supervisor, reportOf } = setUp();
    let attempts = 0;
    let releaseThirdAttempt!: () => void;
    const thirdAttempt = new Promise<void>((resolve) => (releaseThirdAttempt = resolve));
    supervisor.supervise({
      name: 'relay',
      start: async () => {
        attempts += 1;
        if (attempts < 3) throw Object.assign(new Error('refused'), { code: 'X' });
        await thirdAttempt;
        return { stop: async () => undefined };
      },
    });

    await eventually(() => attempts === 3, 'a third attempt');
    expect(await reportOf('relay')).toEqual({
      status: 'down',
      reason: 'not running (INTERNAL_ERROR)',
    });
    releaseThirdAttempt();
    await eventually(() => supervisor.stateOf('relay') === 'running', 'running');
    expect(await reportOf('relay')).toEqual({ status: 'up' });
    await supervisor.onModuleDestroy();
  });

  it('reports an optional component that cannot start as degraded, not down', async () => {
    const { supervisor, reportOf } = setUp();
    let attempts = 0;
    supervisor.supervise({
      name: 'job:purge',
      required: false,
      start: async () => {
        attempts += 1;
        throw new Error('no');
      },
    });
    await eventually(() => attempts >= 2, 'two attempts');
    expect((await reportOf('job:purge')).status).toBe('degraded');
    await supervisor.onModuleDestroy();
  });

  it('restarts a component that ended on its own, stopping the ended instance first', async () => {
    const { supervisor } = setUp();
    const instances: Array<{ end: () => void; stopped: boolean }> = [];
    supervisor.supervise({
      name: 'consumer:b',
      start: async (): Promise<RunningComponent> => {
        let end!: () => void;
        const ended = new Promise<void>((resolve) => (end = resolve));
        const instance = { end, stopped: false };
        instances.push(instance);
        return {
          ended,
          stop: async () => void (instance.stopped = true),
        };
      },
    });
    await eventually(() => instances.length === 1, 'a first instance');
    instances[0]!.end();
    await eventually(
      () => instances.length === 2 && supervisor.stateOf('consumer:b') === 'running',
      'a second running instance',
    );

    expect(instances[0]!.stopped).toBe(true);
    expect(instances[1]!.stopped).toBe(false);
    await supervisor.onModuleDestroy();
    expect(instances[1]!.stopped).toBe(true);
  });

  it('stops running components newest first, and gives up waiting for a dependency that never came', async () => {
    const { supervisor } = setUp();
    const stopped: string[] = [];
    supervisor.provideDependency('database', () => new Promise<boolean>(() => undefined));
    for (const name of ['first', 'second']) {
      supervisor.supervise({
        name,
        start: async () => ({ stop: async () => void stopped.push(name) }),
      });
    }
    supervisor.supervise({
      name: 'never',
      needs: ['database'],
      start: async () => ({ stop: async () => void stopped.push('never') }),
    });
    await eventually(() => supervisor.stateOf('second') === 'running', 'second running');

    await supervisor.onModuleDestroy();

    expect(stopped).toEqual(['second', 'first']);
    expect(supervisor.stateOf('never')).toBe('stopped');
  });

  it('refuses a component that needs a dependency the app does not connect', () => {
    const { supervisor } = setUp();
    expect(() =>
      supervisor.supervise({
        name: 'consumer:c',
        needs: ['kafka'],
        start: async () => ({ stop: async () => undefined }),
      }),
    ).toThrow('needs kafka, which this app does not connect');
  });
});
