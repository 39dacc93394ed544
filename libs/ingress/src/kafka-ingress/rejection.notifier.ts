import {
  notifyTopic,
  toKafkaMessage,
  type DeadLetteredRecord,
  type DeadLetterHook,
  type HeaderValue,
  type MessagingLogger,
  type Publisher,
} from '@rtw/messaging';
import { IngressRejectedError } from './ingress-rejected.error';
import { insurerOfIngressTopic } from './ingress.topics';
import { buildRejectionEvent, type RejectedRecord } from './rejection-event.builder';

/** What the rejection notifier is made of. */
export interface RejectionNotifierParts {
  /** Where the notice goes; the process's Kafka publisher. */
  publisher: Publisher;
  /** `rtw.ingress.{insurer}.v1` unless configured otherwise. */
  topicPattern: string;
  logger: MessagingLogger;
}

/**
 * The dead-letter hook of the Kafka ingress: once a refused record is in `<topic>.dlq`, tells the
 * publishing insurer why with `be.rtw.event.rejected` on `rtw.notify.<insurer>.v1`. The refusal
 * travels with the error the handler threw (`IngressRejectedError`, pointer included); a record
 * refused before the handler (not a CloudEvent) is notified with its dead-letter code and message.
 * The consumer commits the record only after the notice is acknowledged (at least once).
 */
export function createRejectionNotifier(parts: RejectionNotifierParts): DeadLetterHook {
  return async (deadLettered) => {
    const record = rejectedRecord(parts.topicPattern, deadLettered);
    const event = record && buildRejectionEvent(record);
    if (!record || !event) {
      parts.logger.warn(
        { topic: deadLettered.topic },
        'Dead-lettered ingress record has no readable insurer or type; no rejection event sent',
      );
      return;
    }
    await parts.publisher.publish(notifyTopic(record.insurer), [toKafkaMessage(event)]);
  };
}

function rejectedRecord(pattern: string, dead: DeadLetteredRecord): RejectedRecord | undefined {
  const { topic, partition, message, event, error, failure } = dead;
  const insurer = insurerOfIngressTopic(pattern, topic);
  if (insurer === undefined) return undefined;
  const header = (name: string) => text(message.headers?.[name]);
  return {
    at: { topic, partition, offset: message.offset },
    insurer,
    // An undecodable record still names itself in its headers, often enough to be told about.
    eventId: event?.id ?? header('ce_id'),
    eventType: event?.type ?? header('ce_type'),
    dossierId: text(message.key ?? undefined),
    reason:
      error instanceof IngressRejectedError
        ? error.refusal
        : { code: failure.code, message: failure.message },
  };
}

function text(value: HeaderValue | Buffer | string | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}
