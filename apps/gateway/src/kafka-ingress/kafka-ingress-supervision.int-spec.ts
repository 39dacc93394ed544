import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import {
  createFreshDatabase,
  createTestDataSource,
  createTestTrust,
  deleteTestGroups,
  deleteTestTopics,
  dropDatabase,
  exampleEvent,
  generateNiss,
  kafkaBrokers,
  produceTestMessages,
  startTcpGate,
  uniqueGroupId,
  waitForReady,
  waitUntil,
  type TcpGate,
  type TestTrust,
} from '@rtw/testing';
import { startGateway, type RunningGateway } from '../testing/gateway.fixture';

type Readiness = { status: number; details: Record<string, { status: string; reason?: string }> };

async function readiness(url: string): Promise<Readiness> {
  const response = await fetch(`${url}/health/ready`);
  const body = (await response.json()) as { details: Readiness['details'] };
  return { status: response.status, details: body.details };
}

async function jobSuccesses(url: string, job: string): Promise<number> {
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const line = metrics
    .split('\n')
    .find(
      (l) =>
        l.startsWith('rtw_job_runs_total{') &&
        l.includes(`job="${job}"`) &&
        l.includes('result="success"'),
    );
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

// The bug this guards against: on a fresh broker the ingress failed to start once, was never
// retried, and /health/ready kept answering 200 with no ingress consumer running.
describe('the gateway background work when its dependencies are down at start', () => {
  const suffix = randomUUID().slice(0, 8);
  const topic = `test.ingress${suffix}.100.v1`;
  const groupId = uniqueGroupId('gateway-ingress-supervised');
  let trust: TestTrust;
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let kafkaGate: TcpGate;
  let databaseGate: TcpGate;
  let gateway: RunningGateway | undefined;

  beforeAll(async () => {
    trust = await createTestTrust({ organisations: [{ kind: 'insurer', code: '100' }] });
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    kafkaGate = await startTcpGate(kafkaBrokers()[0]!);
    const url = new URL(database.url);
    databaseGate = await startTcpGate(`${url.hostname}:${url.port || 5432}`);
  });
  afterAll(async () => {
    await gateway?.close();
    await kafkaGate?.close();
    await databaseGate?.close();
    await deleteTestGroups([groupId]);
    await deleteTestTopics([topic, `${topic}.dlq`]);
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  it('starts the token and idempotency purges once PostgreSQL is back and the Kafka ingress once Kafka is back, without a restart', async () => {
    const throughGate = new URL(database.url);
    throughGate.hostname = '127.0.0.1';
    throughGate.port = String(databaseGate.port);
    gateway = await startGateway(
      {
        DATABASE_URL: throughGate.toString(),
        KAFKA_BROKERS: kafkaGate.address,
        BACKGROUND_RETRY_MAX_MS: '500',
        GATEWAY_ORGANISATIONS_FILE: trust.file,
        GATEWAY_KAFKA_INGRESS: 'true',
        GATEWAY_INGRESS_TOPIC_PATTERN: `test.ingress${suffix}.{insurer}.v1`,
        GATEWAY_INGRESS_GROUP_ID: groupId,
      },
      { waitReady: false },
    );
    const url = gateway.url;

    const down = await readiness(url);
    expect(down.status).toBe(503);
    expect(down.details).toMatchObject({
      database: { status: 'down' },
      kafka: { status: 'degraded' },
      'kafka-ingress': { status: 'degraded', reason: 'waiting for kafka' },
      'job:token-purge': { status: 'degraded', reason: 'waiting for database' },
      'job:idempotency-purge': { status: 'degraded', reason: 'waiting for database' },
    });

    databaseGate.open();
    await waitUntil(async () => (await jobSuccesses(url, 'job:token-purge')) > 0, 'a purge run');
    await waitUntil(
      async () => (await jobSuccesses(url, 'job:idempotency-purge')) > 0,
      'an idempotency purge run',
    );
    const halfway = await readiness(url);
    expect(halfway.details).toMatchObject({
      database: { status: 'up' },
      'kafka-ingress': { status: 'degraded', reason: 'waiting for kafka' },
    });

    kafkaGate.open();
    await waitForReady(url, { components: ['kafka-ingress'] });
    expect((await readiness(url)).details['kafka-ingress']).toEqual({ status: 'up' });
    const event = exampleEvent('dossier.opened', {
      dossierId: randomUUID(),
      insurer: '100',
      niss: generateNiss(),
    });
    await produceTestMessages(topic, [toKafkaMessage(event as unknown as CloudEvent)]);
    await waitUntil(
      async () =>
        (
          await dataSource.query(`SELECT 1 FROM "ingress_idempotency" WHERE "event_id" = $1`, [
            event['id'],
          ])
        ).length === 1,
      'the ingress record accepted',
    );
  });
});
