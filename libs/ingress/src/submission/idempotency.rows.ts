import type { EntityManager } from 'typeorm';
import { idempotencyKey, type KeyedItem } from './batch.deduplicator';
import type { Submission } from './submission.types';

/**
 * Inserts one idempotency record per first occurrence of a key; returns the keys inserted now.
 * ON CONFLICT DO NOTHING makes a concurrent or earlier submission of the same key wait on the
 * primary key and then show up as not inserted, never as an error.
 */
export async function insertIdempotencyRecords(
  manager: EntityManager,
  submission: Submission,
  firsts: readonly KeyedItem[],
  outboxIds: ReadonlyMap<number, string>,
): Promise<Set<string>> {
  if (firsts.length === 0) return new Set();
  const events = firsts.map((item) => {
    const entry = submission.items[item.index]!;
    if (entry.verdict !== 'accept') throw new Error('only accepted items have idempotency records');
    return entry.event;
  });
  const rows: Array<{ source: string; event_id: string }> = await manager.query(
    `INSERT INTO "ingress_idempotency"
       ("source", "event_id", "payload_hash", "event_type", "dossier_id", "organisation_id", "channel", "outbox_id")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::uuid[])
     ON CONFLICT DO NOTHING
     RETURNING "source", "event_id"`,
    [
      firsts.map((item) => item.source),
      firsts.map((item) => item.id),
      firsts.map((item) => item.hash),
      events.map((event) => event.type),
      events.map((event) => event.subject),
      firsts.map(() => submission.organisation.id),
      firsts.map(() => submission.channel),
      firsts.map((item) => outboxIds.get(item.index)),
    ],
  );
  return new Set(rows.map((row) => idempotencyKey(row.source, row.event_id)));
}

/** The payload hashes recorded earlier for these keys. */
export async function storedHashes(
  manager: EntityManager,
  items: readonly KeyedItem[],
): Promise<Map<string, string>> {
  if (items.length === 0) return new Map();
  const rows: Array<{ source: string; event_id: string; payload_hash: string }> =
    await manager.query(
      `SELECT i."source", i."event_id", i."payload_hash"
     FROM "ingress_idempotency" i
     JOIN unnest($1::text[], $2::text[]) AS k("source", "event_id") USING ("source", "event_id")`,
      [items.map((item) => item.source), items.map((item) => item.id)],
    );
  return new Map(rows.map((row) => [idempotencyKey(row.source, row.event_id), row.payload_hash]));
}
