import type { EntityManager } from 'typeorm';

/** An unpublished outbox row as the relay reads it. */
export interface PendingOutboxRow {
  seq: string;
  /** The row's UUID: what a published record carries to be recognised (ADR 0033). */
  id: string;
  bucket: number;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: Buffer;
  /** Set when a relay recorded an attempt to send the row that never got marked (ADR 0033). */
  attemptedAt: Date | null;
}

// The claimed columns, with the row's unfinished attempt if any (the join finds nothing for
// almost every row: attempts are deleted when their rows are marked published).
const CLAIMED_COLUMNS = `o."seq", o."id", o."bucket", o."topic", o."message_key" AS "key", o."headers",
  o."payload", a."attempted_at" AS "attemptedAt"`;

/** The relay's SQL, in one place; every method runs on the manager it is given. */
export class OutboxRepository {
  constructor(private readonly lockNamespace: number) {}

  /** Buckets holding unpublished rows, with their counts (read through the small partial index). */
  async pendingByBucket(
    manager: EntityManager,
  ): Promise<Array<{ bucket: number; pending: number }>> {
    return manager.query(
      `SELECT "bucket", count(*)::int AS "pending" FROM "outbox"
       WHERE "published_at" IS NULL GROUP BY "bucket" ORDER BY "bucket"`,
    );
  }

  /** Takes the bucket's transaction-scoped advisory lock, or returns false when another relay has it. */
  async tryLockBucket(manager: EntityManager, bucket: number): Promise<boolean> {
    const [row] = await manager.query(
      'SELECT pg_try_advisory_xact_lock($1::int, $2::int) AS "locked"',
      [this.lockNamespace, bucket],
    );
    return row?.locked === true;
  }

  /**
   * Takes the transaction-scoped advisory locks of those buckets no other relay holds; returns
   * the buckets it locked, in the order given.
   */
  async tryLockBuckets(manager: EntityManager, buckets: readonly number[]): Promise<number[]> {
    if (buckets.length === 0) return [];
    const rows: Array<{ bucket: number }> = await manager.query(
      `SELECT b."bucket" FROM unnest($2::int[]) WITH ORDINALITY AS b("bucket", "position")
       WHERE pg_try_advisory_xact_lock($1::int, b."bucket")
       ORDER BY b."position"`,
      [this.lockNamespace, buckets],
    );
    return rows.map((row) => row.bucket);
  }

  /**
   * The oldest unpublished rows of several buckets, in `seq` order. Cutting the global `seq` order
   * at `limit` leaves each bucket a prefix of its own pending rows, so no later row of a key can go
   * out before an earlier one. No row locks: the caller holds the buckets' advisory locks, which
   * keep every other relay off these rows, and writers only insert (a row lock per claimed row
   * cost PostgreSQL a tuple write and a WAL record each; ADR 0111).
   */
  async claimBuckets(
    manager: EntityManager,
    buckets: readonly number[],
    limit: number,
  ): Promise<PendingOutboxRow[]> {
    if (buckets.length === 0) return [];
    return manager.query(
      `SELECT ${CLAIMED_COLUMNS}
       FROM "outbox" o LEFT JOIN "outbox_attempts" a ON a."seq" = o."seq"
       WHERE o."bucket" = ANY($1::smallint[]) AND o."published_at" IS NULL
       ORDER BY o."seq" LIMIT $2`,
      [buckets, limit],
    );
  }

  /**
   * The bucket's oldest unpublished rows; the caller holds the bucket's advisory lock, which keeps
   * every other relay off them (so no row locks, and nothing is ever skipped: skipping a row would
   * publish a later row of the same key before it).
   */
  async claimBatch(
    manager: EntityManager,
    bucket: number,
    limit: number,
  ): Promise<PendingOutboxRow[]> {
    return manager.query(
      `SELECT ${CLAIMED_COLUMNS}
       FROM "outbox" o LEFT JOIN "outbox_attempts" a ON a."seq" = o."seq"
       WHERE o."bucket" = $1 AND o."published_at" IS NULL
       ORDER BY o."seq" LIMIT $2`,
      [bucket, limit],
    );
  }

  /**
   * Records, committed at once and outside the relay's transaction (which still holds the rows),
   * that these rows are about to be sent: if the relay dies before it marks them, the next one
   * knows they may be on the topic already (ADR 0033). The first attempt's time is kept.
   */
  async recordAttempt(manager: EntityManager, seqs: readonly string[]): Promise<void> {
    if (seqs.length === 0) return;
    await manager.query(
      `INSERT INTO "outbox_attempts" ("seq") SELECT unnest($1::bigint[]) ON CONFLICT DO NOTHING`,
      [seqs],
    );
  }

  /** Marks rows as published (counting the successful attempt) and clears their attempts. */
  async markPublished(manager: EntityManager, seqs: readonly string[]): Promise<void> {
    if (seqs.length === 0) return;
    await manager.query(
      `WITH "cleared" AS (DELETE FROM "outbox_attempts" WHERE "seq" = ANY($1::bigint[]))
       UPDATE "outbox" SET "published_at" = now(), "attempts" = "attempts" + 1, "last_error_code" = NULL
       WHERE "seq" = ANY($1::bigint[])`,
      [seqs],
    );
  }

  /** Records a failed attempt on rows that stay pending. */
  async markFailed(
    manager: EntityManager,
    seqs: readonly string[],
    errorCode: string,
  ): Promise<void> {
    if (seqs.length === 0) return;
    await manager.query(
      `UPDATE "outbox" SET "attempts" = "attempts" + 1, "last_error_code" = $2
       WHERE "seq" = ANY($1::bigint[])`,
      [seqs, errorCode],
    );
  }

  /** Deletes up to `limit` rows published more than `retentionMs` ago; returns how many went. */
  async purgePublished(
    manager: EntityManager,
    args: { retentionMs: number; limit: number },
  ): Promise<number> {
    const [, deleted]: [unknown, number] = await manager.query(
      `DELETE FROM "outbox" WHERE "seq" IN (
         SELECT "seq" FROM "outbox"
         WHERE "published_at" IS NOT NULL
           AND "published_at" < now() - make_interval(secs => $1::double precision / 1000)
         ORDER BY "published_at" LIMIT $2)`,
      [args.retentionMs, args.limit],
    );
    return deleted;
  }
}
