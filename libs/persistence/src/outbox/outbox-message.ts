import { PersistenceError } from '../errors/persistence.error';

/** A message to publish after the caller's transaction commits. */
export interface OutboxMessage {
  /** Kafka topic (one of `TOPICS`). */
  topic: string;
  /** Kafka key (the dossier id): messages of one key are published in the order they were added. */
  key: string;
  /** The record value; strings are stored as UTF-8. */
  value: Buffer | string;
  /** Kafka headers (CloudEvents `ce_*` attributes in binary mode). */
  headers?: Record<string, string>;
  /** Row id; generated when absent. */
  id?: string;
}

/** Rejects a message the relay could never publish; names the field, never its value. */
export function assertValidOutboxMessage(message: OutboxMessage, index: number): void {
  const fail = (field: string): never => {
    throw new PersistenceError({
      code: 'PERSISTENCE_INVALID_OUTBOX_MESSAGE',
      message: `Outbox message #${index} has an invalid ${field}`,
      details: { index, field },
    });
  };
  if (typeof message.topic !== 'string' || message.topic.trim() === '') fail('topic');
  if (typeof message.key !== 'string' || message.key === '') fail('key');
  if (typeof message.value !== 'string' && !Buffer.isBuffer(message.value)) fail('value');
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (typeof value !== 'string') fail(`header value (${name})`);
  }
}
