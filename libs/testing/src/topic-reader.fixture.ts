// FOR TESTS ONLY: write CloudEvents to a topic and learn where they landed; read a topic up to its
// current end. Topics shared by test files (the hub's real topic names) are read whole and
// filtered by key, so each test looks only at its own dossiers.
import { Partitioners } from 'kafkajs';
import { toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import {
  committedOffsets,
  testKafka,
  uniqueGroupId,
  waitUntil,
  withAdmin,
  type ConsumedTestRecord,
} from './kafka.fixture';

/** Where a record landed. */
export interface RecordPosition {
  readonly partition: number;
  readonly offset: string;
}

/** Publishes events in binary mode (keyed by dossier), in order; resolves with their positions. */
export async function publishEvents(
  topic: string,
  events: readonly CloudEvent[],
): Promise<RecordPosition[]> {
  const producer = testKafka('rtw-test-events').producer({
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const positions: RecordPosition[] = [];
    // One send per event: the positions come back in order, one per record.
    for (const event of events) {
      const [metadata] = await producer.send({
        topic,
        messages: [toKafkaMessage(event)],
        acks: -1,
      });
      positions.push({ partition: metadata!.partition, offset: metadata!.baseOffset! });
    }
    return positions;
  } finally {
    await producer.disconnect();
  }
}

/** Resolves once `groupId` committed past every position (its records are processed). */
export async function waitForCommitted(
  groupId: string,
  topic: string,
  positions: readonly RecordPosition[],
  timeoutMs = 30_000,
): Promise<void> {
  await waitUntil(
    async () => {
      const committed = await committedOffsets(groupId, topic);
      return positions.every((p) => BigInt(committed.get(p.partition) ?? '-1') > BigInt(p.offset));
    },
    `group ${groupId} to commit past ${positions.length} record(s) of ${topic}`,
    timeoutMs,
  );
}

/** Every record of `topic` up to its end as of now, optionally only those with one of `keys`. */
export async function readTopicToEnd(
  topic: string,
  keys?: readonly string[],
  timeoutMs = 30_000,
): Promise<ConsumedTestRecord[]> {
  const ends = await withAdmin((admin) => admin.fetchTopicOffsets(topic));
  const pending = new Map(
    ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high)]),
  );
  const records: ConsumedTestRecord[] = [];
  if (pending.size === 0) return records;
  const groupId = uniqueGroupId('read-to-end');
  const consumer = testKafka().consumer({ groupId });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`readTopicToEnd: ${topic} not read to its end in ${timeoutMs} ms`)),
        timeoutMs,
      );
      void consumer
        .run({
          eachMessage: async ({ topic: from, partition, message }) => {
            const { key, value, headers = {}, offset, timestamp } = message;
            const end = pending.get(partition);
            if (end === undefined || BigInt(offset) >= end) return;
            if (!keys || (key !== null && keys.includes(key.toString())))
              records.push({ topic: from, partition, offset, key, value, headers, timestamp });
            if (BigInt(offset) + 1n >= end) pending.delete(partition);
            if (pending.size === 0) resolve();
          },
        })
        .catch(reject);
    }).finally(() => clearTimeout(timer));
    return records;
  } finally {
    await consumer.disconnect();
    await withAdmin((admin) => admin.deleteGroups([groupId])).catch(() => undefined);
  }
}
