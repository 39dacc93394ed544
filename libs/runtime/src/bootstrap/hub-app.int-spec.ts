import { Module, type INestApplication } from '@nestjs/common';
import { Writable } from 'node:stream';
import { createLogger, type Clock } from '@rtw/platform';
import { testDatabaseUrl } from '@rtw/testing';
import { DatabaseConnection } from '../database/database.connection';
import { KafkaConnection } from '../kafka/kafka.connection';
import { createHubApp, readConfig, type HubAppDefinition } from './run-hub-app';
import { HUB_CLOCK } from './tokens';

@Module({})
class EmptyFeatureModule {}

const definition: HubAppDefinition = {
  app: 'runtime-test',
  feature: EmptyFeatureModule,
  port: { key: 'RUNTIME_TEST_PORT', default: 0 },
};

const quietLogs = new Writable({ write: (_chunk, _encoding, done) => done() });

async function startApp(env: NodeJS.ProcessEnv): Promise<{ app: INestApplication; url: string }> {
  const config = readConfig(definition, { KAFKA_TOPIC_PARTITIONS: '2', ...env });
  if (!config) throw new Error('test configuration refused');
  const app = await createHubApp(
    definition,
    config,
    createLogger({ app: 'runtime-test', destination: quietLogs }),
  );
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('a hub process on the real broker and database', () => {
  let running: { app: INestApplication; url: string } | undefined;

  afterEach(async () => {
    await running?.app.close();
    running = undefined;
  });

  it('answers ready once Kafka and PostgreSQL are reachable, and serves metrics', async () => {
    running = await startApp({
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    });
    await expect(running.app.get(KafkaConnection).ready()).resolves.toBe(true);
    await expect(running.app.get(DatabaseConnection).ready()).resolves.toBe(true);

    const ready = await fetch(`${running.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ok',
      info: { kafka: { status: 'up' }, database: { status: 'up' } },
    });

    const metrics = await fetch(`${running.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('process_cpu_user_seconds_total');
  });

  it('stays alive but not ready while the database cannot be reached', async () => {
    running = await startApp({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/rtw_nowhere',
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    });
    await expect(running.app.get(KafkaConnection).ready()).resolves.toBe(true);

    const live = await fetch(`${running.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${running.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'error',
      info: { kafka: { status: 'up' } },
      error: { database: { status: 'down', reason: 'NOT_INITIALIZED' } },
    });
  });

  it('stays alive but not ready while no broker answers', async () => {
    running = await startApp({ DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: '127.0.0.1:1' });
    await expect(running.app.get(DatabaseConnection).ready()).resolves.toBe(true);

    const ready = await fetch(`${running.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      error: { kafka: { status: 'down' } },
      info: { database: { status: 'up' } },
    });
  });

  it('lets a test move the clock of a process started with TEST_CLOCK_CONTROL, and only then', async () => {
    running = await startApp({ DATABASE_URL: testDatabaseUrl(), TEST_CLOCK_CONTROL: 'true' });
    const clock = running.app.get<Clock>(HUB_CLOCK);
    const before = clock.now().getTime();

    const moved = await fetch(`${running.url}/test/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 3_600_000 }),
    });

    expect([moved.status, ((await moved.json()) as { offsetMs: number }).offsetMs]).toEqual([
      200, 3_600_000,
    ]);
    expect(clock.now().getTime() - before).toBeGreaterThanOrEqual(3_600_000);
    await running.app.close();
    running = await startApp({ DATABASE_URL: testDatabaseUrl() });
    expect((await fetch(`${running.url}/test/clock`)).status).toBe(404);
  });

  it('refuses TEST_CLOCK_CONTROL in production, naming the key', () => {
    expect(readConfig(definition, { NODE_ENV: 'production', TEST_CLOCK_CONTROL: 'true' })).toBe(
      undefined,
    );
  });
});
