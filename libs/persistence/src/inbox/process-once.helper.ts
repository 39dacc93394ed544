import type { DataSource, EntityManager } from 'typeorm';
import { PersistenceError } from '../errors/persistence.error';

/** Identifies one delivery target: the same event is processed once per consumer group. */
export interface InboxKey {
  consumerGroup: string;
  /** The event's id (CloudEvents `id`), unique per producer. */
  eventId: string;
}

/** Either the work's result, or the news that this group had already processed the event. */
export type ProcessOnceResult<T> = { duplicate: true } | { duplicate: false; result: T };

const MAX_KEY_LENGTH = 255;

/**
 * Runs `work` at most once per (consumer group, event id): in ONE transaction it inserts the
 * processed-event marker and, only if it was not there yet, runs `work` with the same manager.
 * The marker commits with the work's effects, or rolls back with them when `work` throws.
 * A concurrent duplicate waits on the marker's primary key and then sees it as processed.
 */
export async function processOnce<T>(
  dataSource: DataSource,
  key: InboxKey,
  work: (manager: EntityManager) => Promise<T>,
): Promise<ProcessOnceResult<T>> {
  assertValidKey(key);
  return dataSource.transaction(async (manager): Promise<ProcessOnceResult<T>> => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "processed_events" ("consumer_group", "event_id") VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [key.consumerGroup, key.eventId],
    );
    if (inserted.length === 0) return { duplicate: true };
    return { duplicate: false, result: await work(manager) };
  });
}

function assertValidKey(key: InboxKey): void {
  for (const field of ['consumerGroup', 'eventId'] as const) {
    const value = key[field];
    if (typeof value !== 'string' || value === '' || value.length > MAX_KEY_LENGTH) {
      throw new PersistenceError({
        code: 'PERSISTENCE_INVALID_INBOX_KEY',
        message: `processOnce needs a ${field} of 1 to ${MAX_KEY_LENGTH} characters`,
      });
    }
  }
}
