import { KafkaPublisher } from '@rtw/messaging';
import {
  createFreshDatabase,
  createTestDataSource,
  createTestTopics,
  deleteTestGroups,
  deleteTestTopics,
  dropDatabase,
  headerText,
  testKafka,
  uniqueGroupId,
  uniqueTopic,
  withAdmin,
} from '@rtw/testing';
import type { Consumer, KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { processOnce, type ProcessOnceResult } from './process-once.helper';

const EVENTS = ['evt-1', 'evt-2', 'evt-3'];

describe('a Kafka consumer that crashes after its database commit', () => {
  const topic = uniqueTopic('inbox-redelivery');
  const groupId = uniqueGroupId('inbox-redelivery');
  let database: { name: string; url: string };
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    await dataSource.query('CREATE TABLE side_effects (event_id text NOT NULL)');
    await createTestTopics(topic);
    const publisher = new KafkaPublisher(testKafka('inbox-redelivery-producer'));
    await publisher.connect();
    await publisher.publish(
      topic,
      EVENTS.map((id) => ({ key: 'd-1', value: '{}', headers: { ce_id: id } })),
    );
    await publisher.disconnect();
  });

  afterAll(async () => {
    await deleteTestGroups([groupId]);
    await deleteTestTopics([topic]);
    await dataSource?.destroy();
    if (database !== undefined) await dropDatabase(database.name);
  });

  /** Processes each record through processOnce; commits offsets only when `commit` is set. */
  async function consumeAll(options: {
    commit: boolean;
  }): Promise<{ consumer: Consumer; outcomes: Array<ProcessOnceResult<void>> }> {
    const consumer = testKafka('inbox-redelivery-consumer').consumer({ groupId });
    const outcomes: Array<ProcessOnceResult<void>> = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const handle = async (partition: number, message: KafkaMessage): Promise<void> => {
        const eventId = headerText(message.headers ?? {}, 'ce_id')!;
        outcomes.push(
          await processOnce(dataSource, { consumerGroup: groupId, eventId }, async (manager) => {
            await manager.query('INSERT INTO side_effects (event_id) VALUES ($1)', [eventId]);
          }),
        );
        if (options.commit) {
          const next = (BigInt(message.offset) + 1n).toString();
          await consumer.commitOffsets([{ topic, partition, offset: next }]);
        }
        if (outcomes.length === EVENTS.length) resolve();
      };
      consumer
        .run({
          autoCommit: false,
          eachMessage: ({ partition, message }) => handle(partition, message),
        })
        .catch(reject);
    });
    return { consumer, outcomes };
  }

  async function committedOffset(): Promise<string | undefined> {
    const [entry] = await withAdmin((admin) => admin.fetchOffsets({ groupId, topics: [topic] }));
    return entry?.partitions[0]?.offset;
  }

  it('does the work exactly once when the redelivered events are processed again', async () => {
    const first = await consumeAll({ commit: false });
    // The crash: the database transaction committed, the offset commit never happened.
    await first.consumer.disconnect();
    expect(first.outcomes.map((outcome) => outcome.duplicate)).toEqual([false, false, false]);
    expect(await committedOffset()).toBe('-1');

    const second = await consumeAll({ commit: true });
    await second.consumer.disconnect();

    expect(second.outcomes).toEqual([
      { duplicate: true },
      { duplicate: true },
      { duplicate: true },
    ]);
    const effects: Array<{ event_id: string; n: number }> = await dataSource.query(
      'SELECT event_id, count(*)::int AS n FROM side_effects GROUP BY event_id ORDER BY event_id',
    );
    expect(effects).toEqual(EVENTS.map((id) => ({ event_id: id, n: 1 })));
    expect(await committedOffset()).toBe(String(EVENTS.length));
  });
});
