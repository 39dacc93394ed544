import type { DataSource } from 'typeorm';

/** Messages deleted per statement: short transactions, however many a purged dossier had. */
const CHUNK = 500;

/**
 * Deletes what delivery kept of dossiers the tracker purged (ADR 0032): the messages (their
 * payloads hold personal data), their attempts (by cascade) and their replay items. The tracker's
 * `dossier_purges` register says which dossiers; delivery reads it like the other registers, and
 * keeps nothing of a purged dossier, not even that it delivered something. Idempotent and safe
 * with several instances (each chunk deletes what is still there). Returns the messages deleted.
 */
export async function purgeDeliveriesOfPurgedDossiers(dataSource: DataSource): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(
        `SELECT m."id" FROM "delivery_messages" m
         JOIN "dossier_purges" p ON p."dossier_id" = m."dossier_id"
         LIMIT $1 FOR UPDATE OF m SKIP LOCKED`,
        [CHUNK],
      );
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      await manager.query(`DELETE FROM "delivery_replay_items" WHERE "message_id" = ANY($1)`, [
        ids,
      ]);
      await manager.query(`DELETE FROM "delivery_messages" WHERE "id" = ANY($1)`, [ids]);
      return ids.length;
    });
    total += deleted;
    if (deleted < CHUNK) return total;
  }
}
