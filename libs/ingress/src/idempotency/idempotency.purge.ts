import type { DataSource } from 'typeorm';

/**
 * Forgets idempotency records accepted before `before`, chunk by chunk (one short transaction
 * each); returns how many went. A record whose event still waits in the outbox is kept whatever
 * its age: its status is still asked for. Once forgotten, the same (source, id) is accepted as a
 * new event, so the window must outlast every publisher retry (ADR 0032). Idempotent and safe
 * with several gateways running it.
 */
export async function purgeIdempotencyRecords(
  dataSource: DataSource,
  { before, chunk = 5_000 }: { before: Date; chunk?: number },
): Promise<number> {
  let total = 0;
  for (;;) {
    const [, deleted]: [unknown, number] = await dataSource.query(
      `DELETE FROM "ingress_idempotency" WHERE ctid IN (
         SELECT i.ctid FROM "ingress_idempotency" i
         WHERE i."accepted_at" < $1
           AND NOT EXISTS (SELECT 1 FROM "outbox" o
                           WHERE o."id" = i."outbox_id" AND o."published_at" IS NULL)
         LIMIT $2)`,
      [before, chunk],
    );
    total += deleted;
    if (deleted < chunk) return total;
  }
}
