import type { OutboxPublisher, OutboxRecord } from './outbox-publisher.port';
import type { PendingOutboxRow } from './outbox.repository';

/** What happened to a batch: rows published, rows of the run that failed, and the failure. */
export interface OrderedBatchResult {
  published: PendingOutboxRow[];
  failed: PendingOutboxRow[];
  error?: unknown;
}

/**
 * Publishes rows in `seq` order, one `publish` call per run of consecutive rows with the same
 * topic. Stops at the first failed run: publishing anything after it could put a later message
 * of a key ahead of an earlier one.
 */
export async function publishInOrder(
  publisher: OutboxPublisher,
  rows: readonly PendingOutboxRow[],
  recordOf: (row: PendingOutboxRow) => OutboxRecord = plainRecord,
): Promise<OrderedBatchResult> {
  const published: PendingOutboxRow[] = [];
  for (const run of runsByTopic(rows)) {
    try {
      await publisher.publish(run.topic, run.rows.map(recordOf));
    } catch (error) {
      return { published, failed: run.rows, error };
    }
    published.push(...run.rows);
  }
  return { published, failed: [] };
}

/** Splits rows into maximal runs of consecutive rows sharing a topic, keeping their order. */
export function runsByTopic(
  rows: readonly PendingOutboxRow[],
): Array<{ topic: string; rows: PendingOutboxRow[] }> {
  const runs: Array<{ topic: string; rows: PendingOutboxRow[] }> = [];
  for (const row of rows) {
    const last = runs.at(-1);
    if (last !== undefined && last.topic === row.topic) last.rows.push(row);
    else runs.push({ topic: row.topic, rows: [row] });
  }
  return runs;
}

function plainRecord(row: PendingOutboxRow): OutboxRecord {
  return { key: row.key, value: row.payload, headers: row.headers };
}
