import {
  TOPICS,
  childTraceparent,
  createCloudEvent,
  dlqTopic,
  toKafkaMessage,
  type CloudEvent,
} from '@rtw/messaging';
import type { OutboxMessage } from '@rtw/persistence';
import type { QueuedMessage } from '../queue/delivery-message.types';

const HUB_SOURCE = 'urn:rtw:org:hub';
const SUCCEEDED = 'be.rtw.delivery.succeeded';
const FAILED = 'be.rtw.delivery.failed';

/** What a success receipt says beyond the message itself. */
export interface SuccessFacts {
  readonly attempts: number;
  readonly httpStatus: number;
  readonly at: Date;
}

/** What a failure receipt says beyond the message itself. */
export interface FailureFacts {
  readonly outcome: 'dead-lettered' | 'refused';
  readonly attempts: number;
  readonly reasonCode: string;
  readonly reasonMessage: string;
  readonly httpStatus?: number;
  readonly at: Date;
}

/** `be.rtw.delivery.succeeded` v2 for a delivered message, as an outbox row on the receipts topic. */
export function successReceipt(message: QueuedMessage, facts: SuccessFacts): OutboxMessage {
  return receipt(message, SUCCEEDED, facts.at, {
    ...common(message, facts.attempts),
    httpStatus: facts.httpStatus,
    deliveredAt: facts.at.toISOString(),
  });
}

/**
 * The outbox rows of a message given up: `be.rtw.delivery.failed` v2 on the receipts topic (the
 * tracker puts it on the timeline and tells the insurer), and a copy of the original record on
 * `rtw.outbound.<partner>.v1.dlq` with the consumer runtime's error headers (the monitor counts
 * dead letters per topic from it).
 */
export function failureRows(message: QueuedMessage, facts: FailureFacts): OutboxMessage[] {
  const data = {
    ...common(message, facts.attempts),
    reasonCode: facts.reasonCode,
    outcome: facts.outcome,
    ...(facts.httpStatus === undefined ? {} : { httpStatus: facts.httpStatus }),
    failedAt: facts.at.toISOString(),
  };
  return [receipt(message, FAILED, facts.at, data), deadLetterCopy(message, facts)];
}

function common(message: QueuedMessage, attempts: number): Record<string, unknown> {
  const { organisation } = message.event.data;
  return {
    partner: message.partner,
    organisation: { kind: organisation.kind, code: organisation.code },
    messageId: message.id,
    messageType: message.messageType,
    attempts,
    ...(message.referralId === undefined ? {} : { referralId: message.referralId }),
    causationId: message.causationId,
  };
}

function receipt(
  message: QueuedMessage,
  type: string,
  at: Date,
  data: Record<string, unknown>,
): OutboxMessage {
  const event: CloudEvent = createCloudEvent({
    source: HUB_SOURCE,
    type,
    subject: message.dossierId,
    time: at.toISOString(),
    dataschema: `urn:rtw:schema:${type}:v2`,
    insurer: message.insurer,
    ...(message.correlationId === undefined ? {} : { correlationid: message.correlationId }),
    traceparent: childTraceparent(message.event.traceparent),
    data,
  });
  return { topic: TOPICS.deliveryReceipts, ...toKafkaMessage(event) };
}

function deadLetterCopy(message: QueuedMessage, facts: FailureFacts): OutboxMessage {
  const original = toKafkaMessage(message.event);
  return {
    topic: dlqTopic(message.source.topic),
    key: original.key,
    value: original.value,
    headers: {
      ...original.headers,
      'dlq-original-topic': message.source.topic,
      'dlq-original-partition': String(message.source.partition),
      'dlq-original-offset': message.source.offset,
      'dlq-original-timestamp': String(message.receivedAt.getTime()),
      'dlq-consumer-group': 'delivery',
      'dlq-error-code': facts.reasonCode,
      'dlq-error-message': facts.reasonMessage,
      'dlq-error-retriable': 'false',
      'dlq-attempts': String(facts.attempts),
      'dlq-failed-at': facts.at.toISOString(),
      'dlq-outcome': facts.outcome,
    },
  };
}
