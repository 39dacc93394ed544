import { KafkaPublisher } from '@rtw/messaging';
import {
  consumeN,
  createFreshDatabase,
  createTestDataSource,
  createTestTopics,
  deleteTestTopics,
  dropDatabase,
  testKafka,
  uniqueTopic,
  withAdmin,
  TestHubError,
} from '@rtw/testing';
import { register } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { OutboxMessage } from './outbox-message';
import type { OutboxPublisher, OutboxRecord } from './outbox-publisher.port';
import { bucketOf } from './outbox.bucket';
import { OutboxRelay } from './outbox.relay';
import type { OutboxRelayOptions } from './outbox-relay.options';
import { OutboxWriter } from './outbox.writer';

/** Fails with a retriable HubError while `down` is set, and for any topic in `refusedTopics`. */
class SwitchablePublisher implements OutboxPublisher {
  down = false;
  readonly refusedTopics = new Set<string>();
  /** How many records went through `publishAll` (one request for several buckets and topics). */
  publishedTogether = 0;
  constructor(private readonly inner: Required<OutboxPublisher>) {}
  async publish(topic: string, records: OutboxRecord[]): Promise<void> {
    this.failIfRefused([topic]);
    await this.inner.publish(topic, records);
  }
  async publishAll(batches: Array<{ topic: string; messages: OutboxRecord[] }>): Promise<void> {
    this.failIfRefused(batches.map((batch) => batch.topic));
    await this.inner.publishAll(batches);
    for (const batch of batches) this.publishedTogether += batch.messages.length;
  }
  private failIfRefused(topics: string[]): void {
    if (this.down || topics.some((topic) => this.refusedTopics.has(topic))) {
      throw new TestHubError({
        code: 'TEST_BROKER_DOWN',
        message: 'test broker outage',
        retriable: true,
      });
    }
  }
}

const quietLogger = () => ({ info: jest.fn(), warn: jest.fn(), error: jest.fn() });

async function waitFor(
  probe: () => Promise<boolean>,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function topicSize(topic: string): Promise<number> {
  const offsets = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
}

describe('OutboxRelay against PostgreSQL and Kafka', () => {
  const topic = uniqueTopic('outbox-relay');
  const writer = new OutboxWriter();
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let kafkaPublisher: KafkaPublisher;
  let publisher: SwitchablePublisher;
  let relay: OutboxRelay | undefined;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    await createTestTopics({ topic, partitions: 3 });
    kafkaPublisher = new KafkaPublisher(testKafka('outbox-relay-test'));
    await kafkaPublisher.connect();
  });

  beforeEach(async () => {
    publisher = new SwitchablePublisher(kafkaPublisher);
    await dataSource.query('TRUNCATE outbox');
  });

  afterEach(async () => {
    await relay?.stop();
    relay = undefined;
  });

  afterAll(async () => {
    await kafkaPublisher?.disconnect();
    // Every topic of the file at the end: a kafkajs producer that once sent to a topic deleted
    // later fails its metadata refreshes, so no test deletes a topic the shared publisher knows.
    await deleteTestTopics();
    await dataSource?.destroy();
    if (database !== undefined) await dropDatabase(database.name);
  });

  function startRelay(options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    relay = new OutboxRelay({
      dataSource,
      publisher,
      pollIntervalMs: 100,
      backoff: { initialMs: 50, maxMs: 200 },
      logger: quietLogger(),
      ...options,
    });
    relay.start();
    return relay;
  }

  const message = (key: string, n: number, to = topic): OutboxMessage => ({
    topic: to,
    key,
    value: JSON.stringify({ key, n }),
    headers: { ce_id: `${key}-${n}` },
  });

  async function pending(): Promise<number> {
    const [row] = await dataSource.query(
      'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
    );
    return row.n;
  }

  async function publishedCount(forTopic: string): Promise<number> {
    const metric = await register.getSingleMetric('rtw_outbox_published_total')!.get();
    return metric.values.find((value) => value.labels.topic === forTopic)?.value ?? 0;
  }

  it('publishes only the rows of committed transactions, in order per key', async () => {
    const before = await publishedCount(topic);
    await dataSource.transaction((manager) =>
      writer.add(manager, [
        message('d-1', 1),
        message('d-2', 1),
        message('d-1', 2),
        message('d-1', 3),
        message('d-2', 2),
      ]),
    );
    await expect(
      dataSource.transaction(async (manager) => {
        await writer.add(manager, [message('d-rolled-back', 1)]);
        throw new Error('state change rejected');
      }),
    ).rejects.toThrow('state change rejected');

    startRelay();
    const records = await consumeN(topic, 5);
    await waitFor(async () => (await pending()) === 0, 'the rows to be marked published');
    await relay!.stop();

    const seen = records.map(
      (record) => JSON.parse(record.value!.toString()) as { key: string; n: number },
    );
    expect(seen.filter((event) => event.key === 'd-1').map((event) => event.n)).toEqual([1, 2, 3]);
    expect(seen.filter((event) => event.key === 'd-2').map((event) => event.n)).toEqual([1, 2]);
    expect(records.map((record) => record.key!.toString())).not.toContain('d-rolled-back');
    expect(await topicSize(topic)).toBe(5);
    expect(await publishedCount(topic)).toBe(before + 5);
    // Both keys' buckets went out in one request.
    expect(publisher.publishedTogether).toBe(5);
  });

  it('keeps rows pending with their error code while publishing fails, and publishes them once it recovers', async () => {
    const failureTopic = uniqueTopic('outbox-relay-failure');
    await createTestTopics(failureTopic);
    publisher.down = true;
    await dataSource.transaction((manager) =>
      writer.add(manager, [message('d-9', 1, failureTopic), message('d-9', 2, failureTopic)]),
    );

    startRelay();
    await waitFor(async () => {
      const [row] = await dataSource.query('SELECT min(attempts)::int AS attempts FROM outbox');
      return row.attempts >= 2;
    }, 'two failed attempts');
    const failed = await dataSource.query('SELECT published_at, last_error_code FROM outbox');
    expect(failed).toEqual([
      { published_at: null, last_error_code: 'TEST_BROKER_DOWN' },
      { published_at: null, last_error_code: 'TEST_BROKER_DOWN' },
    ]);
    expect(await topicSize(failureTopic)).toBe(0);

    publisher.down = false;
    const records = await consumeN(failureTopic, 2);
    expect(records.map((record) => JSON.parse(record.value!.toString()).n)).toEqual([1, 2]);
    await waitFor(async () => (await pending()) === 0, 'the rows to be marked published');
    const recovered = await dataSource.query(
      'SELECT last_error_code FROM outbox WHERE attempts >= 3',
    );
    expect(recovered).toEqual([{ last_error_code: null }, { last_error_code: null }]);
  });

  it('publishes many buckets in one request, and a message the broker refuses holds back its own bucket only', async () => {
    const many = uniqueTopic('outbox-relay-many');
    const refused = uniqueTopic('outbox-relay-poison');
    await createTestTopics({ topic: many, partitions: 3 });
    publisher.refusedTopics.add(refused);
    // Keys outside the poisoned key's bucket: a bucket is relayed in order, so keys sharing it wait.
    const keys = Array.from({ length: 60 }, (_, i) => `d-many-${i}`)
      .filter((key) => bucketOf(key) !== bucketOf('d-poison'))
      .slice(0, 40);
    await dataSource.transaction((manager) =>
      writer.add(manager, [
        message('d-poison', 1, refused),
        message('d-poison', 2, many),
        ...keys.flatMap((key) => [message(key, 1, many), message(key, 2, many)]),
      ]),
    );

    startRelay();
    // Bounded generously: a busy broker can take seconds to serve a topic created just before.
    await waitFor(
      async () => (await pending()) === 2,
      'every healthy bucket to be relayed',
      60_000,
    );
    expect(await topicSize(many)).toBe(keys.length * 2);
    const records = await consumeN(many, keys.length * 2);

    const seen = records.map(
      (record) => JSON.parse(record.value!.toString()) as { key: string; n: number },
    );
    for (const key of keys)
      expect(seen.filter((event) => event.key === key).map((event) => event.n)).toEqual([1, 2]);
    // The poisoned key's second message waits behind its first: order per key beats progress.
    expect(seen.map((event) => event.key)).not.toContain('d-poison');
    const stuck = await dataSource.query(
      'SELECT message_key FROM outbox WHERE published_at IS NULL ORDER BY seq',
    );
    expect(stuck).toEqual([{ message_key: 'd-poison' }, { message_key: 'd-poison' }]);
  });

  it('purges published rows after the retention but never a pending one', async () => {
    const refused = uniqueTopic('outbox-relay-refused');
    publisher.refusedTopics.add(refused);
    await dataSource.transaction((manager) =>
      writer.add(manager, [message('d-3', 1), message('d-4', 1, refused)]),
    );

    startRelay({ retentionMs: 0, purgeIntervalMs: 50 });
    await waitFor(async () => {
      const [row] = await dataSource.query('SELECT count(*)::int AS n FROM outbox');
      return row.n === 1;
    }, 'the published row to be purged');

    const [left] = await dataSource.query('SELECT message_key, published_at FROM outbox');
    expect(left).toEqual({ message_key: 'd-4', published_at: null });
  });

  it('wakes up on the commit notification instead of waiting for the next poll', async () => {
    startRelay({ pollIntervalMs: 60_000 });
    await waitFor(async () => {
      const rows = await dataSource.query(
        `SELECT 1 FROM pg_stat_activity
         WHERE application_name = 'rtw-outbox-listener' AND datname = $1 AND query LIKE 'LISTEN%'`,
        [database.name],
      );
      return rows.length === 1;
    }, 'the relay to LISTEN');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const committedAt = Date.now();
    await dataSource.transaction((manager) => writer.add(manager, [message('d-5', 1)]));
    await waitFor(async () => (await pending()) === 0, 'the notified relay to publish', 5_000);

    expect(Date.now() - committedAt).toBeLessThan(5_000);
    expect(await topicSize(topic)).toBeGreaterThanOrEqual(1);
  });
});
