import {
  notifyTopic,
  toKafkaMessage,
  type HeaderValue,
  type MessagingLogger,
  type OutgoingMessage,
  type Publisher,
} from '@rtw/messaging';
import type { RefusalMemo } from './refusal.memo';
import { buildRejectionEvent, type RejectedRecord } from './rejection-event.builder';
import { insurerOfIngressTopic } from './ingress.topics';

/**
 * The dead-letter publisher of the Kafka ingress: writes the dead letter, then tells the
 * publishing insurer on `rtw.notify.<insurer>.v1`. Both must be acknowledged before the consumer
 * commits the record; if the notice fails, the record is processed again (at least once).
 */
export class RejectionNotifyingPublisher implements Publisher {
  constructor(
    private readonly inner: Publisher,
    private readonly options: {
      topicPattern: string;
      refusals: RefusalMemo;
      logger: MessagingLogger;
    },
  ) {}

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    await this.inner.publish(topic, messages);
    for (const message of messages) {
      const record = this.rejectedRecord(message);
      const event = record && buildRejectionEvent(record);
      if (!record || !event) {
        this.options.logger.warn(
          { topic },
          'Dead-lettered ingress record has no readable insurer or type; no rejection event sent',
        );
        continue;
      }
      await this.inner.publish(notifyTopic(record.insurer), [toKafkaMessage(event)]);
    }
  }

  private rejectedRecord(message: OutgoingMessage): RejectedRecord | undefined {
    const header = (name: string) => text(message.headers[name]);
    const at = {
      topic: header('dlq-original-topic') ?? '',
      partition: header('dlq-original-partition') ?? '',
      offset: header('dlq-original-offset') ?? '',
    };
    const insurer = insurerOfIngressTopic(this.options.topicPattern, at.topic);
    if (insurer === undefined) return undefined;
    const refusal = this.options.refusals.take(at) ?? {
      code: header('dlq-error-code') ?? 'INTERNAL_ERROR',
      message: header('dlq-error-message') ?? 'record refused',
    };
    return {
      at,
      insurer,
      eventId: header('ce_id'),
      eventType: header('ce_type'),
      dossierId: text(message.key ?? undefined),
      refusal: refusal as RejectedRecord['refusal'],
    };
  }
}

function text(value: HeaderValue | Buffer | string | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}
