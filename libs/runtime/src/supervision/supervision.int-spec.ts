import {
  Injectable,
  Module,
  type INestApplication,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import { OutboxWriter } from '@rtw/persistence';
import { createLogger } from '@rtw/platform';
import {
  consumeN,
  createTestDataSource,
  createTestTopics,
  deleteTestTopics,
  kafkaBrokers,
  produceTestMessages,
  startTcpGate,
  testDatabaseUrl,
  testDossierEvent,
  uniqueGroupId,
  uniqueTopic,
  waitUntil,
  type TcpGate,
} from '@rtw/testing';
import { createHubApp, readConfig } from '../bootstrap/run-hub-app';
import { KafkaConnection } from '../kafka/kafka.connection';
import { OutboxRelayHost } from '../outbox/outbox-relay.host';
import { BackgroundSupervisor } from './background.supervisor';
import { periodicJob } from './periodic.job';

const consumed = uniqueTopic('supervised-consumed');
const relayed = uniqueTopic('supervised-relayed');
const groupId = uniqueGroupId('supervised');
const handled: string[] = [];
let jobRuns = 0;

/** A feature with one of each kind of background work: a consumer, the outbox relay, a job. */
@Injectable()
class SupervisedWork implements OnApplicationBootstrap {
  constructor(
    private readonly kafka: KafkaConnection,
    private readonly relay: OutboxRelayHost,
    private readonly supervisor: BackgroundSupervisor,
  ) {}

  onApplicationBootstrap(): void {
    this.kafka.consume({
      groupId,
      topics: [consumed],
      handler: async (event: CloudEvent) => void handled.push(event.id),
    });
    this.relay.start({ pollIntervalMs: 100 });
    this.supervisor.supervise(
      periodicJob({
        name: 'job:test',
        everyMs: 100,
        needs: ['database'],
        logger: quiet,
        run: async () => void (jobRuns += 1),
      }),
    );
  }
}

@Module({ providers: [SupervisedWork] })
class SupervisedWorkModule {}

const quiet = createLogger({
  app: 'test',
  destination: new Writable({ write: (_c, _e, done) => done() }),
});

async function startApp(env: NodeJS.ProcessEnv): Promise<{ app: INestApplication; url: string }> {
  const definition = {
    app: 'runtime-supervision-test',
    feature: SupervisedWorkModule,
    port: { key: 'P', default: 0 },
  };
  const config = readConfig(definition, {
    KAFKA_TOPIC_PARTITIONS: '1',
    BACKGROUND_RETRY_MAX_MS: '500',
    ...env,
  });
  if (!config) throw new Error('configuration refused');
  const app = await createHubApp(definition, config, quiet);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

async function readiness(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/health/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function componentUp(metrics: string, component: string): string | undefined {
  const line = metrics
    .split('\n')
    .find(
      (l) => l.startsWith('rtw_background_component_up{') && l.includes(`component="${component}"`),
    );
  return line?.split(' ').at(-1);
}

describe('background work supervised by the runtime', () => {
  let gate: TcpGate;
  let running: { app: INestApplication; url: string } | undefined;

  beforeAll(() => createTestTopics(consumed, relayed));
  afterAll(() => deleteTestTopics([consumed, relayed]));
  afterEach(async () => {
    await running?.app.close();
    running = undefined;
    await gate?.close();
  });

  it('starts the consumer once Kafka comes back after being down at start, and only then is ready', async () => {
    gate = await startTcpGate(kafkaBrokers()[0]!);
    running = await startApp({ DATABASE_URL: testDatabaseUrl(), KAFKA_BROKERS: gate.address });

    const before = await readiness(running.url);
    expect(before.status).toBe(503);
    expect(before.body['details']).toMatchObject({
      kafka: { status: 'down' },
      [`consumer:${groupId}`]: { status: 'down', reason: 'waiting for kafka' },
    });

    gate.open();
    await waitUntil(async () => (await readiness(running!.url)).status === 200, 'ready', 30_000);
    const event = testDossierEvent();
    await produceTestMessages(consumed, [toKafkaMessage(event)]);
    await waitUntil(() => handled.includes(event.id), 'the record handled');

    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(componentUp(metrics, `consumer:${groupId}`)).toBe('1');
    expect((await readiness(running.url)).body['details']).toMatchObject({
      [`consumer:${groupId}`]: { status: 'up' },
      'outbox-relay': { status: 'up' },
    });
  });

  it('starts the outbox relay and the job once PostgreSQL comes back after being down at start', async () => {
    const database = new URL(testDatabaseUrl());
    gate = await startTcpGate(`${database.hostname}:${database.port || 5432}`);
    const throughGate = new URL(testDatabaseUrl());
    throughGate.hostname = '127.0.0.1';
    throughGate.port = String(gate.port);
    running = await startApp({
      DATABASE_URL: throughGate.toString(),
      KAFKA_BROKERS: kafkaBrokers().join(','),
    });
    const runsBefore = jobRuns;

    const before = await readiness(running.url);
    expect(before.status).toBe(503);
    expect(before.body['details']).toMatchObject({
      database: { status: 'down' },
      'outbox-relay': { status: 'down', reason: 'waiting for database' },
      'job:test': { status: 'degraded', reason: 'waiting for database' },
    });
    expect(jobRuns).toBe(runsBefore);

    gate.open();
    await waitUntil(async () => (await readiness(running!.url)).status === 200, 'ready', 30_000);
    const direct: DataSource = await createTestDataSource();
    try {
      const event = testDossierEvent();
      await direct.transaction((manager) =>
        new OutboxWriter().add(manager, [{ topic: relayed, ...toKafkaMessage(event) }]),
      );
      const [record] = await consumeN(relayed, 1);
      expect(record?.key?.toString()).toBe(event.subject);
    } finally {
      await direct.destroy();
    }
    await waitUntil(() => jobRuns > runsBefore, 'the job to run');
  });
});
