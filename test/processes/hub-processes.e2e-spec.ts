import { HUB_APPS } from '../../scripts/hub-apps';
import { startAppProcess, testDatabaseUrl, waitForStatus, type AppProcess } from '@rtw/testing';

const APPS = HUB_APPS.map((app) => ({ name: app.app, portKey: app.port.key }));

const hubEnv = {
  DATABASE_URL: testDatabaseUrl(),
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  KAFKA_TOPIC_PARTITIONS: '3',
  LOG_LEVEL: 'info',
};

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
