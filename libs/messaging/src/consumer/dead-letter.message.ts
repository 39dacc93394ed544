// The dead-letter copy of a record: the original key, value and headers untouched (so a replay
// publishes exactly what was received), plus `dlq-*` headers saying where it came from and why.
import type { KafkaMessage } from 'kafkajs';
import { HubError, INTERNAL_ERROR, scrubText } from '@rtw/platform';
import type { OutgoingMessage } from '../producer/publisher.port';

/** What may be said about an error outside the process (headers, metrics, logs). */
export interface FailureDescription {
  code: string;
  message: string;
  retriable: boolean;
}

/** Where a failed record came from and how it failed. */
export interface DeadLetterContext {
  topic: string;
  partition: number;
  message: KafkaMessage;
  groupId: string;
  failure: FailureDescription;
  attempts: number;
  failedAt: Date;
}

/**
 * Describes an error for the outside world. A `HubError` message is safe by contract; any other
 * error's message may quote data (a JSON snippet, a SQL parameter), so only its class name is kept.
 */
export function describeFailure(error: unknown): FailureDescription {
  if (error instanceof HubError) {
    return { code: error.code, message: scrubText(error.message), retriable: error.retriable };
  }
  const name = error instanceof Error ? error.constructor.name : 'non-Error value';
  return { code: INTERNAL_ERROR, message: name, retriable: false };
}

/** Builds the record to write to `<topic>.dlq`. */
export function buildDeadLetterMessage(context: DeadLetterContext): OutgoingMessage {
  const { message, failure } = context;
  const original: OutgoingMessage['headers'] = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) original[name] = value;
  }
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...original,
      'dlq-original-topic': context.topic,
      'dlq-original-partition': String(context.partition),
      'dlq-original-offset': message.offset,
      'dlq-original-timestamp': message.timestamp,
      'dlq-consumer-group': context.groupId,
      'dlq-error-code': failure.code,
      'dlq-error-message': failure.message,
      'dlq-error-retriable': String(failure.retriable),
      'dlq-attempts': String(context.attempts),
      'dlq-failed-at': context.failedAt.toISOString(),
    },
  };
}
