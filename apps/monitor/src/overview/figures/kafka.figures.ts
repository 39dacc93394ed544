// Topic rates, consumer lag and dead-letter counts from two broker snapshots (ADR 0095).
import { isDlqTopic } from '@rtw/messaging';
import type { ConsumerGroupFigures, TopicFigures } from '../overview.types';
import type { KafkaSnapshot } from '../sampling/sample.types';
import { counterIncrease } from './sample.window';

/** Messages written to a topic between two snapshots (end offsets grow by one per record). */
export function writtenBetween(
  then: KafkaSnapshot,
  now: KafkaSnapshot,
  topic: string,
): number | undefined {
  const partitionsNow = now.topics.get(topic);
  if (!partitionsNow) return undefined;
  const partitionsThen = then.topics.get(topic);
  let written = 0;
  for (const [partition, offsets] of partitionsNow)
    written += counterIncrease(partitionsThen?.get(partition)?.high, offsets.high);
  return written;
}

/**
 * Messages read from a topic between two snapshots: the growth of every group's committed
 * offsets, summed over groups (as Kafka's own "messages out" counts every consumer). Partitions a
 * group had not committed at the first snapshot are left out: where it started is unknown.
 */
export function readBetween(then: KafkaSnapshot, now: KafkaSnapshot, topic: string): number {
  let read = 0;
  for (const [groupId, topics] of now.groups) {
    const before = then.groups.get(groupId)?.get(topic);
    for (const [partition, offset] of topics.get(topic) ?? []) {
      const start = before?.get(partition);
      if (start !== undefined) read += counterIncrease(start, offset);
    }
  }
  return read;
}

/** Topics (dead-letter topics aside), with their rates over the interval between the snapshots. */
export function topicFigures(
  now: KafkaSnapshot,
  then: { snapshot: KafkaSnapshot; minutes: number } | undefined,
): TopicFigures[] {
  return [...now.topics.keys()]
    .filter((topic) => !isDlqTopic(topic))
    .sort()
    .map((topic) => {
      if (!then) return { topic, inPerMinute: null, outPerMinute: null };
      const written = writtenBetween(then.snapshot, now, topic) ?? 0;
      const read = readBetween(then.snapshot, now, topic);
      return {
        topic,
        inPerMinute: round(written / then.minutes),
        outPerMinute: round(read / then.minutes),
      };
    });
}

/** Every group's lag per partition it committed on (end offset minus committed offset). */
export function consumerGroupFigures(now: KafkaSnapshot): ConsumerGroupFigures[] {
  return [...now.groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([groupId, topics]) => {
      const partitions = [...topics.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([topic, offsets]) =>
          [...offsets.entries()]
            .sort(([a], [b]) => a - b)
            .map(([partition, committed]) => {
              const high = now.topics.get(topic)?.get(partition)?.high ?? committed;
              return { topic, partition, lag: Math.max(0, high - committed) };
            }),
        );
      return { groupId, totalLag: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
    })
    .filter((group) => group.partitions.length > 0);
}

/** Records held by each dead-letter topic (within its retention). */
export function deadLetterFigures(now: KafkaSnapshot): Array<{ topic: string; count: number }> {
  return [...now.topics.entries()]
    .filter(([topic]) => isDlqTopic(topic))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, partitions]) => ({
      topic,
      count: [...partitions.values()].reduce((sum, p) => sum + Math.max(0, p.high - p.low), 0),
    }));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
