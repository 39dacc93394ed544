import { fromKafkaMessage } from '../cloudevents/cloud-event.binding';
import type { CloudEvent } from '../cloudevents/cloud-event.type';
import type { OutgoingMessage, Publisher, TopicBatch } from './publisher.port';

/** A record kept by the {@link InMemoryBus}, with its position in its topic. */
export interface PublishedRecord extends OutgoingMessage {
  topic: string;
  offset: number;
}

/**
 * FOR UNIT TESTS ONLY: an in-process stand-in for the broker that records what was published.
 * No partitions, no durability, no consumer groups; integration tests use the real broker.
 */
export class InMemoryBus {
  private readonly topics = new Map<string, PublishedRecord[]>();
  private readonly failures: Array<{ topic: string | undefined; error: Error }> = [];

  /** A publisher writing to this bus. */
  publisher(): InMemoryPublisher {
    return new InMemoryPublisher(this);
  }

  /** Appends messages to a topic (or throws the next failure queued for it). */
  append(topic: string, messages: OutgoingMessage[]): void {
    const failure = this.failures.findIndex((f) => f.topic === undefined || f.topic === topic);
    if (failure >= 0) throw this.failures.splice(failure, 1)[0]!.error;
    const records = this.topics.get(topic) ?? [];
    for (const message of messages) {
      records.push({ ...message, headers: { ...message.headers }, topic, offset: records.length });
    }
    this.topics.set(topic, records);
  }

  /** Appends several topics' messages, all or none: a queued failure for any of them throws first. */
  appendAll(batches: ReadonlyArray<{ topic: string; messages: OutgoingMessage[] }>): void {
    const failure = this.failures.findIndex(
      (f) => f.topic === undefined || batches.some((batch) => batch.topic === f.topic),
    );
    if (failure >= 0) throw this.failures.splice(failure, 1)[0]!.error;
    for (const batch of batches) this.append(batch.topic, batch.messages);
  }

  /** Makes the next publish (to `topic`, or to any topic) fail with `error`, once. */
  failNextPublish(error: Error, topic?: string): void {
    this.failures.push({ topic, error });
  }

  /** Everything published to a topic, in order. */
  records(topic: string): readonly PublishedRecord[] {
    return this.topics.get(topic) ?? [];
  }

  /** The records of a topic decoded as CloudEvents (binary mode). */
  events<T = unknown>(topic: string): Array<CloudEvent<T>> {
    return this.records(topic).map((record) => fromKafkaMessage<T>(record));
  }

  /** Forgets every record and queued failure. */
  clear(): void {
    this.topics.clear();
    this.failures.length = 0;
  }
}

/** FOR UNIT TESTS ONLY: the {@link Publisher} port backed by an {@link InMemoryBus}. */
export class InMemoryPublisher implements Publisher {
  constructor(readonly bus: InMemoryBus = new InMemoryBus()) {}

  /** Records the messages on the bus; rejects with a failure queued by `failNextPublish`. */
  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.bus.append(topic, messages);
  }

  /** Records every batch, or none when a failure is queued for any of their topics. */
  async publishAll(batches: TopicBatch[]): Promise<void> {
    this.bus.appendAll(batches);
  }
}
