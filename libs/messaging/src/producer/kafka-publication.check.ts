import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { MessagingError } from '../errors/messaging.error';

/** A record that may have been published: its topic and the id its header carries. */
export interface PublishedRecordQuery {
  topic: string;
  id: string;
}

/** One partition's records to read: from `start` (inclusive) to `end` (exclusive). */
interface Range {
  topic: string;
  partition: number;
  start: bigint;
  end: bigint;
}

/**
 * Finds which of some records are on their topics, by a header naming each record (the outbox's
 * `rtw-outbox-id`, ADR 0033): reads every partition of those topics from the first record
 * appended at or after `since` up to the partition's end as it was when asked. Used only after an
 * interrupted publication, so it favours simplicity over speed: a throwaway consumer group that
 * commits nothing and is deleted afterwards (kafkajs cannot read without a group).
 */
export class KafkaPublicationCheck {
  constructor(
    private readonly kafka: Kafka,
    private readonly options: { header: string; groupPrefix: string; timeoutMs?: number },
  ) {}

  /** The ids among `records` found on their topic since `since`. */
  async alreadyPublished(
    records: readonly PublishedRecordQuery[],
    since: Date,
  ): Promise<Set<string>> {
    const wanted = new Set(records.map((record) => record.id));
    const topics = [...new Set(records.map((record) => record.topic))];
    if (topics.length === 0) return new Set();
    try {
      const ranges = await this.rangesSince(topics, since.getTime());
      return ranges.length === 0 ? new Set() : await this.read(ranges, wanted);
    } catch (error) {
      if (error instanceof MessagingError) throw error;
      throw new MessagingError({
        code: 'PUBLICATION_CHECK_FAILED',
        message: `Reading the tails of ${topics.length} topic(s) failed`,
        cause: error,
      });
    }
  }

  /** Each non-empty partition range appended since `sinceMs`, up to the current end. */
  private async rangesSince(topics: readonly string[], sinceMs: number): Promise<Range[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const ranges: Range[] = [];
      // A record cannot be on a topic that does not exist (any more): nothing to read there.
      const existing = new Set(await admin.listTopics());
      for (const topic of topics.filter((name) => existing.has(name))) {
        const ends = await admin.fetchTopicOffsets(topic);
        const starts = await admin.fetchTopicOffsetsByTimestamp(topic, sinceMs);
        for (const { partition, high } of ends) {
          const start = starts.find((entry) => entry.partition === partition)?.offset ?? high;
          if (BigInt(start) < BigInt(high))
            ranges.push({ topic, partition, start: BigInt(start), end: BigInt(high) });
        }
      }
      return ranges;
    } finally {
      await admin.disconnect();
    }
  }

  /** Reads the ranges and returns the wanted ids found in them. */
  private async read(ranges: readonly Range[], wanted: ReadonlySet<string>): Promise<Set<string>> {
    const header = this.options.header;
    const found = new Set<string>();
    const left = new Map(ranges.map((range) => [`${range.topic}/${range.partition}`, range]));
    const groupId = `${this.options.groupPrefix}-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finished = resolve));
    // Seek once the group is joined and owns the partitions (as the test watcher does).
    consumer.on(consumer.events.GROUP_JOIN, () => {
      for (const range of ranges)
        consumer.seek({
          topic: range.topic,
          partition: range.partition,
          offset: range.start.toString(),
        });
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [...new Set(ranges.map((range) => range.topic))] });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const where = `${batch.topic}/${batch.partition}`;
          const range = left.get(where);
          if (range === undefined) return;
          for (const message of batch.messages) {
            const offset = BigInt(message.offset);
            if (offset < range.start) continue;
            const id = message.headers?.[header]?.toString();
            if (id !== undefined && wanted.has(id)) found.add(id);
            if (offset + 1n >= range.end) left.delete(where);
          }
          if (left.size === 0) finished();
        },
      });
      // Generous: a tail long enough to need more is one the relay must still get through.
      await withTimeout(done, this.options.timeoutMs ?? 300_000);
      return found;
    } finally {
      await consumer.disconnect().catch(() => undefined);
      await this.deleteGroup(groupId);
    }
  }

  private async deleteGroup(groupId: string): Promise<void> {
    const admin = this.kafka.admin();
    await admin
      .connect()
      .then(() => admin.deleteGroups([groupId]))
      .catch(() => undefined)
      .finally(() => admin.disconnect().catch(() => undefined));
  }
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new MessagingError({
            code: 'PUBLICATION_CHECK_FAILED',
            message: `The topics' tails were not read to their end within ${ms} ms`,
          }),
        ),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
