import { KafkaPublicationCheck, KafkaPublisher } from '@rtw/messaging';
import {
  TestHubError,
  consumeN,
  createFreshDatabase,
  createTestDataSource,
  createTestTopics,
  deleteTestTopics,
  dropDatabase,
  headerText,
  testKafka,
  uniqueTopic,
  withAdmin,
} from '@rtw/testing';
import type { DataSource } from 'typeorm';
import type { OutboxMessage } from './outbox-message';
import { OUTBOX_ID_HEADER, type OutboxPublisher, type OutboxRecord } from './outbox-publisher.port';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';

/**
 * A broker that appends a request and then loses its answer (`loseNextAnswer`), or refuses it
 * without appending (`refuseNext`): what a relay sees when it dies, or times out, between the
 * broker's append and its own commit.
 */
class LossyPublisher implements OutboxPublisher {
  loseNextAnswer = false;
  refuseNext = false;
  constructor(private readonly inner: Required<OutboxPublisher>) {}
  async publish(topic: string, records: OutboxRecord[]): Promise<void> {
    await this.around(() => this.inner.publish(topic, records));
  }
  async publishAll(batches: Array<{ topic: string; messages: OutboxRecord[] }>): Promise<void> {
    await this.around(() => this.inner.publishAll(batches));
  }
  private async around(send: () => Promise<void>): Promise<void> {
    if (this.refuseNext) {
      this.refuseNext = false;
      throw new TestHubError({ code: 'TEST_REFUSED', message: 'refused', retriable: true });
    }
    await send();
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new TestHubError({ code: 'TEST_ANSWER_LOST', message: 'answer lost', retriable: true });
    }
  }
}

const quietLogger = () => ({ info: jest.fn(), warn: jest.fn(), error: jest.fn() });

async function topicSize(topic: string): Promise<number> {
  const offsets = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
}

// ADR 0033: with a publication check, a batch the broker appended but the relay could not mark
// is found on the topic and marked, never sent twice; rows that did not make it are sent once.
describe('OutboxRelay publishing each row once across an interrupted attempt', () => {
  const writer = new OutboxWriter();
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let kafkaPublisher: KafkaPublisher;
  const check = new KafkaPublicationCheck(testKafka('outbox-once-check'), {
    header: OUTBOX_ID_HEADER,
    groupPrefix: 'rtw-test-outbox-once-check',
  });

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    kafkaPublisher = new KafkaPublisher(testKafka('outbox-once-test'));
    await kafkaPublisher.connect();
  });
  afterAll(async () => {
    await kafkaPublisher?.disconnect();
    await deleteTestTopics();
    await dataSource?.destroy();
    if (database !== undefined) await dropDatabase(database.name);
  });

  async function writeMessages(topic: string, from: number, count: number): Promise<void> {
    const messages: OutboxMessage[] = Array.from({ length: count }, (_, i) => ({
      topic,
      key: `dossier-${(from + i) % 4}`,
      value: JSON.stringify({ n: from + i }),
      headers: { ce_id: `event-${from + i}` },
    }));
    await dataSource.transaction((manager) => writer.add(manager, messages));
  }

  const relayWith = (publisher: OutboxPublisher, withCheck: boolean) =>
    new OutboxRelay({
      dataSource,
      publisher,
      listen: false,
      backoff: { initialMs: 1, maxMs: 1 },
      doubtSettleMs: 0,
      logger: quietLogger(),
      ...(withCheck ? { publicationCheck: check } : {}),
    });

  async function idsOn(topic: string, count: number): Promise<string[]> {
    const records = await consumeN(topic, count);
    return records.map((record) => headerText(record.headers, 'ce_id') ?? '').sort();
  }

  const pendingOrAttempted = async () =>
    (
      await dataSource.query(
        `SELECT (SELECT count(*)::int FROM "outbox" WHERE "published_at" IS NULL) AS "pending",
                (SELECT count(*)::int FROM "outbox_attempts") AS "attempts"`,
      )
    )[0] as { pending: number; attempts: number };

  it('finds a batch whose answer was lost on the topic and marks it instead of sending it again', async () => {
    const topic = uniqueTopic('outbox-once-lost');
    await createTestTopics({ topic, partitions: 3 });
    const publisher = new LossyPublisher(kafkaPublisher);
    const relay = relayWith(publisher, true);
    await writeMessages(topic, 0, 20);

    // The combined send fails; the same cycle retries bucket by bucket and finds every row.
    publisher.loseNextAnswer = true;
    expect(await relay.runOnce()).toMatchObject({ published: 0, failed: 20 });
    expect(await topicSize(topic)).toBe(20);
    expect(await pendingOrAttempted()).toEqual({ pending: 0, attempts: 0 });

    await writeMessages(topic, 20, 5);
    expect(await relay.runOnce()).toMatchObject({ published: 5, failed: 0 });

    expect(await pendingOrAttempted()).toEqual({ pending: 0, attempts: 0 });
    expect(await topicSize(topic)).toBe(25);
    const expected = Array.from({ length: 25 }, (_, n) => `event-${n}`).sort();
    expect(await idsOn(topic, 25)).toEqual(expected);
  });

  it('sends the rows of an interrupted attempt that never reached the topic, once', async () => {
    const topic = uniqueTopic('outbox-once-refused');
    await createTestTopics({ topic, partitions: 3 });
    const publisher = new LossyPublisher(kafkaPublisher);
    const relay = relayWith(publisher, true);
    await dataSource.query('TRUNCATE "outbox", "outbox_attempts"');
    await writeMessages(topic, 100, 10);

    // Refused whole; the same cycle retries bucket by bucket, finds nothing and sends them.
    publisher.refuseNext = true;
    expect(await relay.runOnce()).toMatchObject({ published: 10, failed: 10 });

    expect(await pendingOrAttempted()).toEqual({ pending: 0, attempts: 0 });
    expect(await topicSize(topic)).toBe(10);
    const records = await consumeN(topic, 10);
    expect(records.every((record) => headerText(record.headers, OUTBOX_ID_HEADER))).toBe(true);
  });

  it('without a publication check stays at least once: the batch is sent again', async () => {
    const topic = uniqueTopic('outbox-once-unchecked');
    await createTestTopics({ topic, partitions: 3 });
    const publisher = new LossyPublisher(kafkaPublisher);
    const relay = relayWith(publisher, false);
    await dataSource.query('TRUNCATE "outbox", "outbox_attempts"');
    await writeMessages(topic, 200, 10);

    publisher.loseNextAnswer = true;
    await relay.runOnce();
    await relay.runOnce();
    await relay.runOnce();

    expect(await pendingOrAttempted()).toEqual({ pending: 0, attempts: 0 });
    expect(await topicSize(topic)).toBe(20);
  });
});
