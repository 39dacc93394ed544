import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { PersistenceError } from '../errors/persistence.error';
import { OUTBOX_BUCKET_COUNT, bucketOf } from './outbox.bucket';
import { assertValidOutboxMessage, type OutboxMessage } from './outbox-message';

/** Channel on which the writer signals new rows; `OutboxRelay` listens to wake up at once. */
export const OUTBOX_NOTIFY_CHANNEL = 'rtw_outbox';

// unnest keeps the arrays aligned; ORDER BY ordinality makes `seq` follow the caller's order.
const INSERT_SQL = `
  INSERT INTO "outbox" ("id", "topic", "message_key", "headers", "payload", "bucket")
  SELECT m.id, m.topic, m.message_key, m.headers, m.payload, m.bucket
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[], $5::bytea[], $6::smallint[])
    WITH ORDINALITY AS m(id, topic, message_key, headers, payload, bucket, position)
  ORDER BY m.position
  RETURNING "id"`;

/**
 * Adds messages to the outbox inside the caller's transaction, so they exist if and only if the
 * state change they announce committed ("publish after commit").
 */
export class OutboxWriter {
  private readonly bucketCount: number;
  private readonly notify: boolean;

  constructor(options: { bucketCount?: number; notifyRelays?: boolean } = {}) {
    this.bucketCount = options.bucketCount ?? OUTBOX_BUCKET_COUNT;
    this.notify = options.notifyRelays ?? true;
  }

  /** Inserts the messages in order with the given transactional manager; returns their row ids. */
  async add(manager: EntityManager, messages: readonly OutboxMessage[]): Promise<string[]> {
    if (manager.queryRunner?.isTransactionActive !== true) {
      throw new PersistenceError({
        code: 'PERSISTENCE_TRANSACTION_REQUIRED',
        message: 'OutboxWriter.add needs the EntityManager of an open transaction',
      });
    }
    if (messages.length === 0) return [];
    messages.forEach(assertValidOutboxMessage);
    const rows: Array<{ id: string }> = await manager.query(INSERT_SQL, [
      messages.map((message) => message.id ?? randomUUID()),
      messages.map((message) => message.topic),
      messages.map((message) => message.key),
      messages.map((message) => JSON.stringify(message.headers ?? {})),
      messages.map((message) => Buffer.from(message.value)),
      messages.map((message) => bucketOf(message.key, this.bucketCount)),
    ]);
    // Delivered only on commit, and once per transaction however many rows were added.
    if (this.notify) await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_NOTIFY_CHANNEL, '']);
    return rows.map((row) => row.id);
  }
}
