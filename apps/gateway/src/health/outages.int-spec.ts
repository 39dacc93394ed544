import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TOPICS, fromKafkaMessage } from '@rtw/messaging';
import {
  createFreshDatabase,
  createTestDataSource,
  dropDatabase,
  generateNiss,
  testKafka,
  uniqueGroupId,
  waitUntil,
  createTestTrust,
  exampleEvent,
  type TestTrust,
} from '@rtw/testing';
import { SINGLE, post, startGateway, type RunningGateway } from '../testing/gateway.fixture';

describe('the gateway when a dependency is down', () => {
  let trust: TestTrust;
  let database: { name: string; url: string };
  let dataSource: DataSource;
  const running: RunningGateway[] = [];
  const start = async (env: Record<string, string>, options: { waitReady?: boolean } = {}) => {
    const gateway = await startGateway(
      { GATEWAY_ORGANISATIONS_FILE: trust.file, DATABASE_URL: database.url, ...env },
      options,
    );
    running.push(gateway);
    return gateway;
  };
  const submit = async (gateway: RunningGateway, body: unknown) =>
    post(`${gateway.url}/v1/events`, body, {
      'content-type': SINGLE,
      authorization: `Bearer ${await trust.sign('insurer:100')}`,
    });

  beforeAll(async () => {
    trust = await createTestTrust({ organisations: [{ kind: 'insurer', code: '100' }] });
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
  });
  afterAll(async () => {
    for (const gateway of running) await gateway.close();
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  it('keeps accepting while Kafka is down, reports degraded, and an instance that reaches Kafka relays the events beside it', async () => {
    const withoutKafka = await start({
      KAFKA_BROKERS: '127.0.0.1:1',
      GATEWAY_OUTBOX_RELAY: 'true',
    });
    const event = exampleEvent('dossier.opened', {
      dossierId: randomUUID(),
      insurer: '100',
      niss: generateNiss(),
    });

    const accepted = await submit(withoutKafka, event);
    const ready = await fetch(`${withoutKafka.url}/health/ready`);

    expect(accepted.status).toBe(202);
    expect([ready.status, await ready.json()]).toEqual([
      200,
      expect.objectContaining({
        status: 'degraded',
        info: expect.objectContaining({ kafka: expect.objectContaining({ status: 'degraded' }) }),
      }),
    ]);
    const pending = await dataSource.query(
      `SELECT "published_at" FROM "outbox" WHERE "message_key" = $1`,
      [event['subject']],
    );
    expect(pending).toEqual([{ published_at: null }]);

    // "Kafka returns": another instance that reaches the broker relays the committed row.
    const consumer = testKafka().consumer({ groupId: uniqueGroupId('gateway-outage') });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPICS.inboundEvents], fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => void seen.push(fromKafkaMessage(message).id),
    });
    await waitUntil(
      async () => (await consumer.describeGroup()).state === 'Stable',
      'the test consumer to join',
    );
    try {
      // A healthy instance beside the one cut off from Kafka relays the row at once: the relay
      // without a broker claims no bucket while its broker does not answer, so it holds no lock
      // through a send that could only time out.
      await start({ GATEWAY_OUTBOX_RELAY: 'true' });
      await waitUntil(
        () => seen.includes(event['id'] as string),
        'the accepted event on rtw.inbound.events.v1',
        30_000,
      );
    } finally {
      await consumer.disconnect();
    }
  }, 90_000);

  it('answers 503 with Retry-After while PostgreSQL is down, and is not ready', async () => {
    const withoutDatabase = await start(
      { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/rtw_nowhere' },
      { waitReady: false },
    );
    const response = await submit(
      withoutDatabase,
      exampleEvent('contact.held', {
        dossierId: randomUUID(),
        insurer: '100',
        niss: generateNiss(),
      }),
    );
    const ready = await fetch(`${withoutDatabase.url}/health/ready`);

    expect([response.status, response.body['code'], response.headers.get('retry-after')]).toEqual([
      503,
      'DATABASE_UNAVAILABLE',
      '5',
    ]);
    expect(ready.status).toBe(503);
  });
});
