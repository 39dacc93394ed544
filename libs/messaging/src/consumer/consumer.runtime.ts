// The hub's consumer: kafkajs `eachBatch` with manual commits. A record's offset is committed only
// after its handler resolved or it was durably dead-lettered; retries happen in place, so a
// partition is held up by at most one record's retry budget and per-key order is never broken.
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { Registry } from 'prom-client';
import { MessagingError } from '../errors/messaging.error';
import type { MessagingLogger } from '../logging/messaging-logger.port';
import type { Publisher } from '../producer/publisher.port';
import { dlqTopic } from '../topology/topics.constant';
import { consumerMetrics } from './consumer.metrics';
import { BatchProcessor } from './batch.processor';
import type { DeadLetterHook } from './dead-letter.hook';
import type { BatchEventHandler, EventHandler } from './event-handler.type';
import { RecordProcessor, type ConsumedRecord } from './record.processor';
import { retryPolicyFor, type RetryPolicyFor } from './retry.policy';

/** How a consumer runtime is set up. */
export interface ConsumerRuntimeOptions {
  kafka: Kafka;
  /** Explicit and stable: it owns the committed offsets. */
  groupId: string;
  topics: readonly string[];
  /** Handles one record at a time; give this or `batchHandler`. */
  handler?: EventHandler;
  /**
   * Handles a fetched batch of one partition at once (at most `maxBatchRecords` records), e.g. in
   * one database transaction; give this or `handler`.
   */
  batchHandler?: BatchEventHandler;
  /** Largest batch given to `batchHandler` (500 by default). */
  maxBatchRecords?: number;
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
  /** How long `start` waits for the first group join before it fails (60 s by default). */
  joinTimeoutMs?: number;
}

/** The consumer did not join its group in time (coordinator loading, broker unreachable). */
export class ConsumerJoinTimeoutError extends MessagingError {
  constructor(groupId: string, ms: number) {
    super({
      code: 'CONSUMER_JOIN_TIMEOUT',
      message: `Consumer group ${groupId} was not joined within ${ms} ms`,
    });
  }
}

/** A running consumer group member with retry, dead-lettering and graceful stop. */
export class ConsumerRuntime {
  private readonly consumer: Consumer;
  private readonly processor: RecordProcessor;
  private readonly batchProcessor: BatchProcessor | undefined;
  private readonly stopping = new AbortController();
  private joined = false;
  private stopped?: Promise<void>;
  private firstJoin!: () => void;
  private readonly joinedOnce = new Promise<void>((resolve) => (this.firstJoin = resolve));
  private endOnItsOwn!: () => void;
  /**
   * Settles when the consumer stopped without `stop()` being called: kafkajs gave up after a crash
   * it does not restart from. A supervisor then replaces this runtime with a new one.
   */
  readonly ended = new Promise<void>((resolve) => (this.endOnItsOwn = resolve));

  constructor(private readonly options: ConsumerRuntimeOptions) {
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 1_000,
      allowAutoTopicCreation: false,
    });
    if ((options.handler === undefined) === (options.batchHandler === undefined)) {
      throw new Error('A consumer runtime needs exactly one of handler and batchHandler');
    }
    const batchHandler = options.batchHandler;
    const retryPolicy = options.retryPolicy ?? retryPolicyFor();
    const metrics = consumerMetrics(options.registry);
    this.processor = new RecordProcessor({
      groupId: options.groupId,
      // A batch handler doubles as the one-record handler, with batches of one.
      handler: options.handler ?? ((event, context) => batchHandler!([{ event, context }])),
      retryPolicyFor: retryPolicy,
      deadLetter: options.deadLetter,
      deadLetterTopic: options.deadLetterTopic ?? dlqTopic,
      onDeadLetter: options.onDeadLetter,
      logger: options.logger,
      metrics,
    });
    this.batchProcessor = batchHandler
      ? new BatchProcessor({
          groupId: options.groupId,
          handler: batchHandler,
          retryPolicyFor: retryPolicy,
          single: this.processor,
          logger: options.logger,
          metrics,
        })
      : undefined;
    const { events } = this.consumer;
    this.consumer.on(events.GROUP_JOIN, () => {
      this.joined = true;
      this.firstJoin();
    });
    for (const event of [events.CRASH, events.DISCONNECT, events.STOP])
      this.consumer.on(event, () => (this.joined = false));
    this.consumer.on(events.CRASH, (crash) => {
      if (crash.payload.restart === false && !this.stopping.signal.aborted) this.endOnItsOwn();
    });
  }

  /**
   * Connects, subscribes and starts consuming; resolves once this member has joined its group, so
   * that a caller (a supervisor, a test) knows records are being fetched. Rejects with a retriable
   * error when the join does not happen in time, or when `signal` aborts first; the caller then
   * stops this runtime.
   */
  async start(signal?: AbortSignal): Promise<void> {
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
    await this.waitForFirstJoin(signal);
    this.options.logger.info(
      { groupId: this.options.groupId, topics: this.options.topics },
      'Consumer started',
    );
  }

  private async waitForFirstJoin(signal?: AbortSignal): Promise<void> {
    const ms = this.options.joinTimeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const failure = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ConsumerJoinTimeoutError(this.options.groupId, ms)), ms);
      onAbort = () => reject(new ConsumerJoinTimeoutError(this.options.groupId, 0));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([this.joinedOnce, failure]);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
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
    if (this.batchProcessor) return this.eachBatchAtOnce(payload, this.batchProcessor);
    const { batch, heartbeat, isRunning, isStale, resolveOffset } = payload;
    const session = { heartbeat, signal: this.stopping.signal };
    for (const message of batch.messages) {
      if (!isRunning() || isStale() || this.stopping.signal.aborted) return;
      const record = { topic: batch.topic, partition: batch.partition, message };
      const outcome = await this.processor.process(record, session);
      if (outcome === 'interrupted') return;
      await this.commit(payload, message.offset);
      resolveOffset(message.offset);
      // Throttled by kafkajs; throws when the group rebalances, so kafkajs rejoins at once instead
      // of holding the whole group until this batch is done.
      await heartbeat();
    }
  }

  /** Batch mode: chunks of the fetched batch go to the batch handler, committed chunk by chunk. */
  private async eachBatchAtOnce(
    payload: EachBatchPayload,
    processor: BatchProcessor,
  ): Promise<void> {
    const { batch, heartbeat, isRunning, isStale, resolveOffset } = payload;
    const session = { heartbeat, signal: this.stopping.signal };
    const size = this.options.maxBatchRecords ?? 500;
    for (let start = 0; start < batch.messages.length; start += size) {
      if (!isRunning() || isStale() || this.stopping.signal.aborted) return;
      const chunk: ConsumedRecord[] = batch.messages
        .slice(start, start + size)
        .map((message) => ({ topic: batch.topic, partition: batch.partition, message }));
      const outcome = await processor.process(chunk, session);
      if (outcome === 'interrupted') return;
      const last = chunk.at(-1)!.message.offset;
      await this.commit(payload, last);
      resolveOffset(last);
      await heartbeat();
    }
  }

  /** Commits the offset after `offset`; the batch payload's commit works while stopping too. */
  private async commit(payload: EachBatchPayload, offset: string): Promise<void> {
    const next = (BigInt(offset) + 1n).toString();
    await payload.commitOffsetsIfNecessary({
      topics: [
        {
          topic: payload.batch.topic,
          partitions: [{ partition: payload.batch.partition, offset: next }],
        },
      ],
    });
  }
}
