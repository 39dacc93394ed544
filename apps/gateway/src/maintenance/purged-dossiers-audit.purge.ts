import type { DataSource } from 'typeorm';

/** Audit rows deleted per statement. */
const CHUNK = 1000;

/**
 * Deletes the gateway's audit rows of dossiers the tracker purged (ADR 0032): which types were
 * submitted for a dossier, and when, says something about a sick person's trajectory. What stays
 * is the tracker's purge record (that the dossier was purged, and when). Idempotent and safe with
 * several gateways. Returns the rows deleted.
 */
export async function purgeAuditOfPurgedDossiers(dataSource: DataSource): Promise<number> {
  let total = 0;
  for (;;) {
    const [, deleted]: [unknown, number] = await dataSource.query(
      `DELETE FROM "ingress_audit" WHERE "id" IN (
         SELECT a."id" FROM "ingress_audit" a
         JOIN "dossier_purges" p ON p."dossier_id" = a."dossier_id"
         LIMIT $1)`,
      [CHUNK],
    );
    total += deleted;
    if (deleted < CHUNK) return total;
  }
}
