import { HUB_APPS } from '../../scripts/hub-apps';
import {
  type AppProcess,
  createTestTrust,
  freePort,
  kafkaBrokers,
  startAppProcess,
  startTcpGate,
  type TcpGate,
  testDatabaseUrl,
  waitForStatus,
  waitUntil,
} from '@rtw/testing';

const APPS = HUB_APPS.map((app) => ({ name: app.app, portKey: app.port.key }));

const hubEnv = {
  DATABASE_URL: testDatabaseUrl(),
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  KAFKA_TOPIC_PARTITIONS: '3',
  LOG_LEVEL: 'info',
  INAMI_PSEUDONYM_SECRET: 'development-only-inami-pseudonym-secret-for-tests',
  INAMI_SCHEDULE_ENABLED: 'false',
  MONITOR_OIDC_CLIENT_SECRET: 'development-only-monitor-oidc-client-secret-tests',
  MONITOR_SESSION_SECRET: 'development-only-monitor-session-secret-for-tests',
  // Set in beforeAll: the monitor's support signing key (it refuses to start without one).
  MONITOR_SUPPORT_SIGNING_KEYS_FILE: '',
};

beforeAll(async () => {
  const trust = await createTestTrust({
    organisations: [{ kind: 'support', code: 'hub-support' }],
  });
  hubEnv.MONITOR_SUPPORT_SIGNING_KEYS_FILE = trust.signingKeysFile;
});

function logLines(app: AppProcess): Array<Record<string, unknown>> {
  return app
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the hub processes', () => {
  it('all nine start against the real broker and database, answer ready, refuse unknown routes with a problem body, and stop gracefully with exit 0', async () => {
    const apps = await Promise.all(APPS.map((app) => startAppProcess({ ...app, env: hubEnv })));
    try {
      const ready = await Promise.all(apps.map((app) => waitForStatus(app, '/health/ready')));
      expect(Object.fromEntries(apps.map((app, i) => [app.name, ready[i]]))).toEqual(
        Object.fromEntries(APPS.map((app) => [app.name, 200])),
      );
      const metrics = await fetch(`${apps[0]!.url}/metrics`);
      expect(await metrics.text()).toMatch(/process_resident_memory_bytes\{app="gateway"\}/);
      const unknownRoutes = await Promise.all(
        apps.map(async (app) => {
          const response = await fetch(`${app.url}/no/such/route`);
          return [app.name, response.status, await response.json()];
        }),
      );
      expect(unknownRoutes).toEqual(
        APPS.map((app) => [app.name, 404, { code: 'ROUTE_NOT_FOUND', message: 'no such route' }]),
      );
    } finally {
      const codes = await Promise.all(apps.map((app) => app.stop('SIGTERM')));
      expect(codes).toEqual(APPS.map(() => 0));
    }
    for (const app of apps) {
      const messages = logLines(app).map((line) => line.msg);
      expect(messages).toEqual(
        expect.arrayContaining(['stopping: finishing in-flight work', 'stopped']),
      );
    }
  });

  it('with the broker and the database unreachable at start, every app waits not ready, then runs every background component once both are back, without a restart', async () => {
    const gates: TcpGate[] = [];
    const kafkaGate = await startTcpGate(kafkaBrokers()[0]!);
    const database = new URL(testDatabaseUrl());
    const databaseGate = await startTcpGate(`${database.hostname}:${database.port || 5432}`);
    gates.push(kafkaGate, databaseGate);
    const throughGate = new URL(testDatabaseUrl());
    throughGate.hostname = '127.0.0.1';
    throughGate.port = String(databaseGate.port);
    // The sandbox has neither dependency.
    const gated = APPS.filter((app) => app.name !== 'partner-sandbox');
    // The monitor reads its own metrics only: its sources are then the gated broker and database.
    const monitorPort = await freePort();
    const apps = await Promise.all(
      gated.map((app) =>
        startAppProcess({
          ...app,
          ...(app.name === 'monitor' ? { port: monitorPort } : {}),
          env: {
            ...hubEnv,
            LOG_LEVEL: 'warn',
            KAFKA_BROKERS: kafkaGate.address,
            DATABASE_URL: throughGate.toString(),
            BACKGROUND_RETRY_MAX_MS: '1000',
            MONITOR_SCRAPE_TARGETS: `monitor=http://127.0.0.1:${monitorPort}`,
          },
        }),
      ),
    );
    type Readiness = {
      status: number;
      details: Record<string, { status: string; reason?: string }>;
    };
    const readiness = async (app: AppProcess): Promise<Readiness> => {
      const response = await fetch(`${app.url}/health/ready`);
      const body = (await response.json()) as { details?: Readiness['details'] };
      return { status: response.status, details: body.details ?? {} };
    };
    const components = (details: Readiness['details']) =>
      Object.keys(details)
        .filter((name) => name !== 'kafka' && name !== 'database')
        .sort();
    try {
      // Eight processes boot at once: on a loaded two-core machine that can take minutes.
      expect(
        await Promise.all(apps.map((app) => waitForStatus(app, '/health/live', 240_000))),
      ).toEqual(gated.map(() => 200));
      const before = await Promise.all(apps.map(readiness));
      // What is not running must be waiting for the broker or the database; a component that
      // needs neither (the monitor's sampling, which reports them unreadable) may run.
      const waitingFor = (details: Readiness['details']) =>
        components(details).filter(
          (name) =>
            details[name]?.status === 'down' &&
            !/^waiting for (kafka|database)/.test(details[name]?.reason ?? ''),
        );
      expect(before.map((r, i) => [apps[i]!.name, r.status, waitingFor(r.details)])).toEqual(
        gated.map((app) => [app.name, 503, []]),
      );
      // Every app but the sandbox has background work.
      expect(
        before.flatMap((r, i) => (components(r.details).length > 0 ? [] : [apps[i]!.name])),
      ).toEqual([]);

      for (const gate of gates) gate.open();
      // Ready (200) comes once the required components run; an optional one (the gateway's Kafka
      // ingress) may still be starting then, so wait for every component to run.
      const allUp = (r: Readiness) =>
        r.status === 200 && Object.values(r.details).every((detail) => detail.status === 'up');
      await waitUntil(
        async () => (await Promise.all(apps.map(readiness))).every(allUp),
        'every app ready and every component running once the dependencies are back',
        240_000,
      );
      const after = await Promise.all(apps.map(readiness));
      for (const [i, r] of after.entries())
        expect([apps[i]!.name, components(r.details)]).toEqual([
          apps[i]!.name,
          components(before[i]!.details),
        ]);
      const codes = await Promise.all(apps.map((app) => app.stop('SIGTERM')));
      expect(codes).toEqual(gated.map(() => 0));
    } finally {
      // On an earlier failure, stop what runs without asserting: an app stopped mid-boot dies of
      // the signal, and that must not hide the failure that brought us here.
      await Promise.all(apps.map((app) => app.stop('SIGKILL')));
      for (const gate of gates) await gate.close();
    }
  });

  it('refuses to start with exit code 78 and one line naming every bad key, without echoing values', async () => {
    const app = await startAppProcess({
      name: 'tracker',
      portKey: 'TRACKER_PORT',
      env: {
        ...hubEnv,
        TRACKER_PORT: 'eighty',
        KAFKA_BROKERS: 'not-a-broker',
        DATABASE_URL: 'mysql://secret-password@db/x',
        LOG_LEVEL: 'chatty',
      },
    });
    expect(await app.exited()).toBe(78);
    const fatal = logLines(app).find((line) => line.level === 'fatal');
    expect(fatal).toMatchObject({ code: 'CONFIG_INVALID', app: 'tracker' });
    expect((fatal?.problems as Array<{ key: string }>).map((p) => p.key).sort()).toEqual(
      ['DATABASE_URL', 'KAFKA_BROKERS', 'LOG_LEVEL', 'TRACKER_PORT'].sort(),
    );
    expect(app.output()).not.toContain('secret-password');
  });

  it('refuses to start the INAMI evaluation with exit code 78 without its pseudonym secret, and with a short one without echoing it', async () => {
    for (const [secret, reason] of [
      ['', 'is required'],
      ['short-secret-value', 'must be at least 32 characters'],
    ] as const) {
      const app = await startAppProcess({
        name: 'inami-evaluation',
        portKey: 'INAMI_EVALUATION_PORT',
        env: { ...hubEnv, INAMI_PSEUDONYM_SECRET: secret },
      });
      expect(await app.exited()).toBe(78);
      const fatal = logLines(app).find((line) => line.level === 'fatal');
      expect(fatal).toMatchObject({
        code: 'CONFIG_INVALID',
        app: 'inami-evaluation',
        problems: [{ key: 'INAMI_PSEUDONYM_SECRET', reason }],
      });
      expect(app.output()).not.toContain('short-secret-value');
    }
  });

  it('keeps running but not ready while the broker is unreachable, and says why in its logs', async () => {
    const app = await startAppProcess({
      name: 'monitor',
      portKey: 'MONITOR_PORT',
      env: { ...hubEnv, KAFKA_BROKERS: '127.0.0.1:1' },
    });
    try {
      expect(await waitForStatus(app, '/health/live')).toBe(200);
      const ready = await fetch(`${app.url}/health/ready`);
      expect(ready.status).toBe(503);
      const retries = () =>
        logLines(app).filter(
          (line) => line.dependency === 'kafka' && line.msg === 'kafka not reachable; retrying',
        );
      const deadline = Date.now() + 30_000;
      while (retries().length < 2 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 250));
      expect(retries().length).toBeGreaterThanOrEqual(2);
      expect(retries()[0]).toMatchObject({
        err: { message: expect.stringContaining('ECONNREFUSED') },
      });
    } finally {
      expect(await app.stop()).toBe(0);
    }
  });
});
