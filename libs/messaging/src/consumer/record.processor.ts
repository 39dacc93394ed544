// One record, start to finish: decode, call the handler, retry in place with backoff while the
// policy allows, otherwise write the record to its dead-letter topic and run the dead-letter hook.
// Committing is the caller's job and happens only after `process` resolves 'processed' or
// 'dead_lettered'.
import type { KafkaMessage } from 'kafkajs';
import { INTERNAL_ERROR } from '@rtw/platform';
import { fromKafkaMessage } from '../cloudevents/cloud-event.binding';
import type { CloudEvent } from '../cloudevents/cloud-event.type';
import { stackFrames, type MessagingLogger } from '../logging/messaging-logger.port';
import type { Publisher } from '../producer/publisher.port';
import { type ConsumerMetrics } from './consumer.metrics';
import { DeadLetterFailedError } from './dead-letter.error';
import type { DeadLetterHook } from './dead-letter.hook';
import { buildDeadLetterMessage, describeFailure } from './dead-letter.message';
import type { EventHandler } from './event-handler.type';
import { waitWithHeartbeat, withKeepAlive } from './heartbeat.wait';
import { nextStep, type RetryPolicyFor } from './retry.policy';

/** What the processor needs; all of it injected so it can be tested without a broker. */
export interface RecordProcessorOptions {
  groupId: string;
  handler: EventHandler;
  retryPolicyFor: RetryPolicyFor;
  deadLetter: Publisher;
  deadLetterTopic: (topic: string) => string;
  /** Runs once the dead letter is acknowledged, before the commit (see {@link DeadLetterHook}). */
  onDeadLetter?: DeadLetterHook;
  logger: MessagingLogger;
  metrics: ConsumerMetrics;
  random?: () => number;
}

/** A record as fetched from a partition. */
export interface ConsumedRecord {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** The consumer session the record is processed in. */
export interface ProcessingSession {
  heartbeat(): Promise<void>;
  /** Aborts when the consumer is stopping: waits end early and no further retry starts. */
  signal: AbortSignal;
}

/** `interrupted`: the consumer stopped during a retry wait; the record must not be committed. */
export type ProcessOutcome = 'processed' | 'dead_lettered' | 'interrupted';

type AttemptResult = { ok: true } | { ok: false; error: unknown };

/** Processes records one at a time under the retry policy (see file comment). */
export class RecordProcessor {
  constructor(private readonly options: RecordProcessorOptions) {}

  /** Processes one record; rejects only when the dead-letter write, its hook or a heartbeat fails. */
  async process(record: ConsumedRecord, session: ProcessingSession): Promise<ProcessOutcome> {
    let event: CloudEvent;
    try {
      event = fromKafkaMessage(record.message);
    } catch (error) {
      await this.deadLetter(record, session, { error, attempts: 1 });
      return 'dead_lettered';
    }
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(record, event, session, attempt);
      if (result.ok) {
        this.count(record, 'processed');
        return 'processed';
      }
      const step = nextStep(
        this.options.retryPolicyFor(result.error),
        attempt,
        this.options.random,
      );
      if (step.action === 'dead-letter') {
        await this.deadLetter(record, session, { error: result.error, attempts: attempt, event });
        return 'dead_lettered';
      }
      this.count(record, 'retried');
      this.options.logger.warn(
        { ...where(record, event), attempt, delayMs: step.delayMs, ...logFailure(result.error) },
        'Handler failed with a retriable error; retrying in place',
      );
      if (!(await waitWithHeartbeat(step.delayMs, session.heartbeat, session.signal))) {
        this.options.logger.info(
          { ...where(record, event), attempt },
          'Consumer stopping; record left uncommitted',
        );
        return 'interrupted';
      }
    }
  }

  private async attempt(
    record: ConsumedRecord,
    event: CloudEvent,
    session: ProcessingSession,
    attempt: number,
  ): Promise<AttemptResult> {
    const { topic, partition, message } = record;
    const context = {
      topic,
      partition,
      offset: message.offset,
      key: keyText(message),
      headers: message.headers ?? {},
      value: message.value,
      attempt,
    };
    const started = performance.now();
    const labels = { topic, group: this.options.groupId };
    try {
      await withKeepAlive(() => this.options.handler(event, context), session.heartbeat);
      this.options.metrics.observeHandler(
        { ...labels, result: 'success' },
        (performance.now() - started) / 1000,
      );
      return { ok: true };
    } catch (error) {
      this.options.metrics.observeHandler(
        { ...labels, result: 'failure' },
        (performance.now() - started) / 1000,
      );
      return { ok: false, error };
    }
  }

  private async deadLetter(
    record: ConsumedRecord,
    session: ProcessingSession,
    { error, attempts, event }: { error: unknown; attempts: number; event?: CloudEvent },
  ): Promise<void> {
    const failure = describeFailure(error);
    const { groupId, deadLetter, deadLetterTopic, onDeadLetter, logger } = this.options;
    const dlqMessage = buildDeadLetterMessage({
      ...record,
      groupId,
      failure,
      attempts,
      failedAt: new Date(),
    });
    // The write and the hook may take a while when the broker struggles (producer retries): stay
    // in the group meanwhile.
    let written = false;
    try {
      await withKeepAlive(async () => {
        await deadLetter.publish(deadLetterTopic(record.topic), [dlqMessage]);
        written = true;
        await onDeadLetter?.({ ...record, event, error, failure, attempts });
      }, session.heartbeat);
    } catch (deadLetterError) {
      const cause = describeFailure(deadLetterError).code;
      logger.error(
        { ...where(record, event), code: failure.code, cause },
        written
          ? 'Dead-letter hook failed; record left uncommitted'
          : 'Dead-letter write failed; record left uncommitted',
      );
      throw new DeadLetterFailedError(record.topic, deadLetterError);
    }
    this.count(record, 'dead_lettered');
    logger.error(
      { ...where(record, event), attempts, ...logFailure(error) },
      'Record dead-lettered',
    );
  }

  private count(record: ConsumedRecord, outcome: 'processed' | 'retried' | 'dead_lettered'): void {
    this.options.metrics.count({ topic: record.topic, group: this.options.groupId, outcome });
  }
}

function keyText(message: KafkaMessage): string | null {
  return message.key === null ? null : message.key.toString('utf8');
}

/** Ids that locate a record in logs; event ids and types carry no personal data. */
function where(record: ConsumedRecord, event?: CloudEvent): Record<string, unknown> {
  const { topic, partition, message } = record;
  return { topic, partition, offset: message.offset, eventId: event?.id, eventType: event?.type };
}

/** Code and class of an error, plus stack frames for unexpected ones; never the message of a foreign error. */
function logFailure(error: unknown): Record<string, unknown> {
  const failure = describeFailure(error);
  const unexpected = failure.code === INTERNAL_ERROR;
  return {
    code: failure.code,
    retriable: failure.retriable,
    reason: failure.message,
    stack: unexpected ? stackFrames(error) : undefined,
  };
}
