// A fetched batch of one partition, processed as a whole: the handler gets every record in order
// and makes their effects durable together (one database transaction, say), which is much faster
// than one transaction per record. When the whole batch cannot be handled for a reason a retry
// will not cure, each record goes through the one-record path instead, so only the records at fault
// are dead-lettered and the others still count.
import { fromKafkaMessage } from '../cloudevents/cloud-event.binding';
import type { MessagingLogger } from '../logging/messaging-logger.port';
import type { ConsumerMetrics } from './consumer.metrics';
import type { BatchEventHandler, BatchRecord } from './event-handler.type';
import { waitWithHeartbeat, withKeepAlive } from './heartbeat.wait';
import type { ConsumedRecord, ProcessingSession, RecordProcessor } from './record.processor';
import { nextStep, type RetryPolicyFor } from './retry.policy';

/** What the batch processor needs. */
export interface BatchProcessorOptions {
  groupId: string;
  handler: BatchEventHandler;
  retryPolicyFor: RetryPolicyFor;
  /** The one-record path (decode, retry, dead-letter) used when a batch fails for good. */
  single: RecordProcessor;
  logger: MessagingLogger;
  metrics: ConsumerMetrics;
  random?: () => number;
}

/** `interrupted`: the consumer stopped during a retry wait; nothing of the batch may be committed. */
export type BatchOutcome = 'processed' | 'interrupted';

/** Processes batches under the retry policy (see file comment). */
export class BatchProcessor {
  constructor(private readonly options: BatchProcessorOptions) {}

  /** Processes the records of one partition, in order; rejects only when a dead-letter write fails. */
  async process(records: ConsumedRecord[], session: ProcessingSession): Promise<BatchOutcome> {
    const decoded = decodeAll(records);
    if (decoded === undefined) return this.oneByOne(records, session);
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const labels = { topic: records[0]!.topic, group: this.options.groupId };
      try {
        await withKeepAlive(() => this.options.handler(decoded), session.heartbeat);
        this.options.metrics.observeHandler(
          { ...labels, result: 'success' },
          (performance.now() - started) / 1000,
        );
        for (let i = 0; i < records.length; i++)
          this.options.metrics.count({ ...labels, outcome: 'processed' });
        return 'processed';
      } catch (error) {
        this.options.metrics.observeHandler(
          { ...labels, result: 'failure' },
          (performance.now() - started) / 1000,
        );
        const step = nextStep(this.options.retryPolicyFor(error), attempt, this.options.random);
        const first = records[0]!;
        if (step.action === 'dead-letter') {
          this.options.logger.warn(
            { topic: first.topic, partition: first.partition, records: records.length, attempt },
            'Batch failed for good; processing its records one by one',
          );
          return this.oneByOne(records, session);
        }
        this.options.logger.warn(
          {
            topic: first.topic,
            partition: first.partition,
            records: records.length,
            attempt,
            delayMs: step.delayMs,
          },
          'Batch failed with a retriable error; retrying in place',
        );
        if (!(await waitWithHeartbeat(step.delayMs, session.heartbeat, session.signal)))
          return 'interrupted';
      }
    }
  }

  private async oneByOne(
    records: ConsumedRecord[],
    session: ProcessingSession,
  ): Promise<BatchOutcome> {
    for (const record of records) {
      const outcome = await this.options.single.process(record, session);
      if (outcome === 'interrupted') return 'interrupted';
    }
    return 'processed';
  }
}

/** Every record decoded, or undefined when one is not a CloudEvent (the one-record path decides). */
function decodeAll(records: ConsumedRecord[]): BatchRecord[] | undefined {
  const decoded: BatchRecord[] = [];
  for (const { topic, partition, message } of records) {
    try {
      decoded.push({
        event: fromKafkaMessage(message),
        context: {
          topic,
          partition,
          offset: message.offset,
          key: message.key === null ? null : message.key.toString('utf8'),
          headers: message.headers ?? {},
          value: message.value,
          attempt: 1,
        },
      });
    } catch {
      return undefined;
    }
  }
  return decoded;
}
