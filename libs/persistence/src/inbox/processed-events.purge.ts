import type { DataSource } from 'typeorm';

/** Which processed-event markers to forget. */
export interface ProcessedEventsPurge {
  /** Markers recorded before this instant go. */
  before: Date;
  /** Only this consumer group's markers; every group's when absent. */
  consumerGroup?: string;
  /** Rows deleted per transaction (short transactions, bounded locks). */
  chunk?: number;
}

/**
 * Deletes `processed_events` markers older than `before`, chunk by chunk, each chunk its own
 * transaction; returns how many went. Idempotent and safe with several instances running it
 * (a row deleted by one is simply not found by the other). A forgotten key makes a redelivery of
 * its event look new, so the window must outlast every way the event can come back (ADR 0032).
 */
export async function pruneProcessedEvents(
  dataSource: DataSource,
  { before, consumerGroup, chunk = 5_000 }: ProcessedEventsPurge,
): Promise<number> {
  let total = 0;
  for (;;) {
    const [, deleted]: [unknown, number] = await dataSource.query(
      `DELETE FROM "processed_events" WHERE ctid IN (
         SELECT ctid FROM "processed_events"
         WHERE "processed_at" < $1 AND ($2::text IS NULL OR "consumer_group" = $2)
         LIMIT $3)`,
      [before, consumerGroup ?? null, chunk],
    );
    total += deleted;
    if (deleted < chunk) return total;
  }
}
