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
  waitUntil,
  withAdmin,
} from '@rtw/testing';
import type { DataSource } from 'typeorm';
import { bucketOf } from './outbox.bucket';
import type { OutboxPublisher, OutboxRecord } from './outbox-publisher.port';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';

const KEYS = 24;
const MESSAGES_PER_KEY = 15;

/**
 * Wraps the real publisher for one relay: counts what it published and records any moment where
 * two relays publish the same bucket at once (the in-flight set is shared by both wrappers).
 */
class ObservingPublisher implements OutboxPublisher {
  published = 0;
  constructor(
    private readonly inner: OutboxPublisher,
    private readonly inFlight: Map<number, string>,
    private readonly overlaps: string[],
    private readonly name: string,
  ) {}

  async publish(topic: string, records: OutboxRecord[]): Promise<void> {
    const buckets = [...new Set(records.map((record) => bucketOf(record.key)))];
    for (const bucket of buckets) {
      const holder = this.inFlight.get(bucket);
      if (holder !== undefined && holder !== this.name) this.overlaps.push(`bucket ${bucket}`);
      this.inFlight.set(bucket, this.name);
    }
    try {
      // Widen the window in which a missing lock would let the other relay in.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await this.inner.publish(topic, records);
      this.published += records.length;
    } finally {
      for (const bucket of buckets) this.inFlight.delete(bucket);
    }
  }
}

/**
 * A fresh database, a 4-partition topic and a connected publisher for the describe block that
 * calls it, set up before its tests and removed after them.
 */
function relayFixture(name: string) {
  const fixture = {
    topic: uniqueTopic(name),
    database: undefined as { name: string; url: string } | undefined,
    dataSource: undefined as unknown as DataSource,
    kafkaPublisher: undefined as unknown as KafkaPublisher,
  };
  beforeAll(async () => {
    fixture.database = await createFreshDatabase();
    fixture.dataSource = await createTestDataSource({ url: fixture.database.url, poolSize: 10 });
    await createTestTopics({ topic: fixture.topic, partitions: 4 });
    fixture.kafkaPublisher = new KafkaPublisher(testKafka(`${name}-test`));
    await fixture.kafkaPublisher.connect();
  });
  afterAll(async () => {
    await fixture.kafkaPublisher?.disconnect();
    await deleteTestTopics([fixture.topic]);
    await fixture.dataSource?.destroy();
    if (fixture.database !== undefined) await dropDatabase(fixture.database.name);
  });
  return fixture;
}

describe('two OutboxRelays over the same outbox', () => {
  const fixture = relayFixture('outbox-relay-concurrency');
  const { topic } = fixture;

  it('publishes every committed row exactly once, never one bucket from both at once, in order per key', async () => {
    const { dataSource, kafkaPublisher } = fixture;
    const writer = new OutboxWriter();
    // One transaction per round, keys interleaved, so per-key order spans many transactions.
    for (let n = 1; n <= MESSAGES_PER_KEY; n += 1) {
      await dataSource.transaction((manager) =>
        writer.add(
          manager,
          Array.from({ length: KEYS }, (_, k) => ({ topic, key: `d-${k}`, value: `d-${k}:${n}` })),
        ),
      );
    }
    const inFlight = new Map<number, string>();
    const overlaps: string[] = [];
    const publishers = ['a', 'b'].map(
      (name) => new ObservingPublisher(kafkaPublisher, inFlight, overlaps, name),
    );
    const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    const relays = publishers.map(
      (publisher) =>
        new OutboxRelay({ dataSource, publisher, batchSize: 4, pollIntervalMs: 50, logger }),
    );

    relays.forEach((relay) => relay.start());
    const total = KEYS * MESSAGES_PER_KEY;
    const records = await consumeN(topic, total, 60_000);
    await Promise.all(relays.map((relay) => relay.stop()));

    const offsets = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
    expect(offsets.reduce((sum, partition) => sum + Number(partition.high), 0)).toBe(total);
    const values = records.map((record) => record.value!.toString());
    expect(new Set(values).size).toBe(total);
    for (let k = 0; k < KEYS; k += 1) {
      const order = values
        .filter((value) => value.startsWith(`d-${k}:`))
        .map((value) => Number(value.split(':')[1]));
      expect(order).toEqual(Array.from({ length: MESSAGES_PER_KEY }, (_, i) => i + 1));
    }
    expect(overlaps).toEqual([]);
    // Both relays did part of the work: the run really was concurrent.
    expect(publishers.map((publisher) => publisher.published > 0)).toEqual([true, true]);
    expect(publishers[0]!.published + publishers[1]!.published).toBe(total);
    const [left] = await dataSource.query(
      'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
    );
    expect(left.n).toBe(0);
    expect(logger.error).not.toHaveBeenCalled();
  });
});

describe('an OutboxRelay whose broker is not reachable', () => {
  const fixture = relayFixture('outbox-relay-unreachable');
  const { topic } = fixture;
  const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  const backoff = { initialMs: 20, maxMs: 100 };

  /** A publisher cut off from its broker: a send never ends (kafkajs would retry for ~40 s). */
  const cutOff = () => ({
    calls: 0,
    publish(): Promise<void> {
      this.calls += 1;
      return new Promise<void>(() => undefined);
    },
  });

  const writeRows = (count: number, prefix: string) =>
    fixture.dataSource.transaction((manager) =>
      new OutboxWriter().add(
        manager,
        Array.from({ length: count }, (_, k) => ({ topic, key: `${prefix}-${k}`, value: `${k}` })),
      ),
    );

  it('claims no row, so a healthy relay beside it publishes them all', async () => {
    const { dataSource, kafkaPublisher } = fixture;
    await writeRows(40, 'beside');
    const publisher = cutOff();
    let probes = 0;
    const isolated = new OutboxRelay({
      dataSource,
      publisher,
      publisherAvailable: async () => (probes += 1) < 0,
      pollIntervalMs: 50,
      backoff,
      logger,
    });
    isolated.start();
    await waitUntil(() => probes >= 3, 'the isolated relay to probe its broker');
    const healthy = new OutboxRelay({
      dataSource,
      publisher: kafkaPublisher,
      pollIntervalMs: 50,
      logger,
    });
    healthy.start();

    const records = await consumeN(topic, 40, 30_000);
    await Promise.all([healthy.stop(), isolated.stop()]);

    expect(new Set(records.map((record) => record.key!.toString())).size).toBe(40);
    expect(publisher.calls).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(
      { code: 'PUBLISHER_UNAVAILABLE' },
      expect.stringContaining('not reachable'),
    );
  });

  it('relays once its broker answers again, and asks again after a failed publication', async () => {
    const { dataSource, kafkaPublisher } = fixture;
    await dataSource.query('DELETE FROM outbox');
    await writeRows(10, 'later');
    let reachable = false;
    let probes = 0;
    let failOnce = true;
    const sent: string[] = [];
    const relay = new OutboxRelay({
      dataSource,
      publisher: {
        publish: async (target, records) => {
          if (failOnce) {
            failOnce = false;
            throw Object.assign(new Error('broker refused'), { code: 'KAFKA_UNAVAILABLE' });
          }
          await kafkaPublisher.publish(target, records);
          sent.push(...records.map((record) => record.key));
        },
      },
      publisherAvailable: async () => {
        probes += 1;
        return reachable;
      },
      pollIntervalMs: 50,
      backoff,
      logger,
    });
    relay.start();
    await waitUntil(() => probes >= 3, 'the relay to probe its broker');
    const pendingWhileAway = await dataSource.query(
      'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
    );
    const probesBeforeReturn = probes;
    reachable = true;
    await waitUntil(() => sent.length === 10, 'every row published once the broker is back');
    await relay.stop();

    expect(pendingWhileAway).toEqual([{ n: 10 }]);
    // One probe when the broker came back, one more after the failed publication.
    expect(probes).toBeGreaterThanOrEqual(probesBeforeReturn + 2);
    expect(new Set(sent).size).toBe(10);
  });
});
