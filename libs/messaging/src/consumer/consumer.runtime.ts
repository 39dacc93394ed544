// The hub's consumer: kafkajs `eachBatch` with manual commits. A record's offset is committed only
// after its handler resolved or it was durably dead-lettered; retries happen in place, so a
// partition is held up by at most one record's retry budget and per-key order is never broken.
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { Registry } from 'prom-client';
import type { MessagingLogger } from '../logging/messaging-logger.port';
import type { Publisher } from '../producer/publisher.port';
import { dlqTopic } from '../topology/topics.constant';
import { consumerMetrics } from './consumer.metrics';
import type { DeadLetterHook } from './dead-letter.hook';
import type { EventHandler } from './event-handler.type';
import { RecordProcessor } from './record.processor';
import { retryPolicyFor, type RetryPolicyFor } from './retry.policy';

/** How a consumer runtime is set up. */
export interface ConsumerRuntimeOptions {
  kafka: Kafka;
  /** Explicit and stable: it owns the committed offsets. */
  groupId: string;
  topics: readonly string[];
  handler: EventHandler;
  /** Where dead letters go; usually the app's `KafkaPublisher` (the runtime does not connect it). */
  deadLetter: Publisher;
  /**
   * Runs after each dead letter is acknowledged and before the record is committed, with the
   * record and the error it failed with; e.g. to notify the record's publisher.
   */
  onDeadLetter?: DeadLetterHook;
  logger: MessagingLogger;
  /** The hub rule (`retryPolicyFor()`) unless given. */
  retryPolicy?: RetryPolicyFor;
  /** `<topic>.dlq` unless given. */
  deadLetterTopic?: (topic: string) => string;
  /** Partitions handled in parallel by this instance (order holds within each); 1 by default. */
  partitionsConsumedConcurrently?: number;
  /** Where a new group starts; from the beginning by default, so no event is ever skipped. */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  /** Longest a fetch waits for new records; also bounds how long `stop()` waits for it. 1 s by default. */
  maxWaitTimeMs?: number;
  /** Prometheus registry for the runtime's metrics; the default registry unless given. */
  registry?: Registry;
}

/** A running consumer group member with retry, dead-lettering and graceful stop. */
export class ConsumerRuntime {
  private readonly consumer: Consumer;
  private readonly processor: RecordProcessor;
  private readonly stopping = new AbortController();
  private joined = false;
  private stopped?: Promise<void>;

  constructor(private readonly options: ConsumerRuntimeOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 1_000,
      allowAutoTopicCreation: false,
    });
    this.processor = new RecordProcessor({
      groupId: options.groupId,
      handler: options.handler,
      retryPolicyFor: options.retryPolicy ?? retryPolicyFor(),
      deadLetter: options.deadLetter,
      deadLetterTopic: options.deadLetterTopic ?? dlqTopic,
      onDeadLetter: options.onDeadLetter,
      logger: options.logger,
      metrics: consumerMetrics(options.registry),
    });
    const { events } = this.consumer;
    this.consumer.on(events.GROUP_JOIN, () => (this.joined = true));
    for (const event of [events.CRASH, events.DISCONNECT, events.STOP])
      this.consumer.on(event, () => (this.joined = false));
  }

  /** Connects, subscribes and starts consuming; resolves once the consumer runs. */
  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: [...this.options.topics],
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload) => this.eachBatch(payload),
    });
    this.options.logger.info(
      { groupId: this.options.groupId, topics: this.options.topics },
      'Consumer started',
    );
  }

  /**
   * Stops gracefully: no new fetches, no new retries, the handler call in flight finishes and is
   * committed, then the consumer leaves the group and disconnects. Idempotent; a stopped
   * runtime does not start again (create a new one).
   */
  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  /** True while this member is in its group (readiness). */
  isConnected(): boolean {
    return this.joined && !this.stopping.signal.aborted;
  }

  private async shutdown(): Promise<void> {
    this.stopping.abort();
    await this.consumer.stop();
    await this.consumer.disconnect();
    this.options.logger.info({ groupId: this.options.groupId }, 'Consumer stopped');
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, heartbeat, isRunning, isStale, resolveOffset, commitOffsetsIfNecessary } =
      payload;
    const session = { heartbeat, signal: this.stopping.signal };
    for (const message of batch.messages) {
      if (!isRunning() || isStale() || this.stopping.signal.aborted) return;
      const record = { topic: batch.topic, partition: batch.partition, message };
      const outcome = await this.processor.process(record, session);
      if (outcome === 'interrupted') return;
      // The batch payload's commit works while stopping too (consumer.commitOffsets does not).
      const next = (BigInt(message.offset) + 1n).toString();
      await commitOffsetsIfNecessary({
        topics: [
          { topic: batch.topic, partitions: [{ partition: batch.partition, offset: next }] },
        ],
      });
      resolveOffset(message.offset);
      // Throttled by kafkajs; throws when the group rebalances, so kafkajs rejoins at once instead
      // of holding the whole group until this batch is done.
      await heartbeat();
    }
  }
}
