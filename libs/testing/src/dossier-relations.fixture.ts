import type { DataSource } from 'typeorm';

/**
 * Creates, empty, the `dossier_relations` table the gateway's temporary relation register reads
 * (ADR 0023). The tracker issue will own this table through a migration; until then tests create
 * this stand-in, in one place, with the columns the register assumes.
 */
export async function createDossierRelationsStandIn(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `CREATE TABLE "dossier_relations" ("dossier_id" uuid, "partner_kind" text, "partner_code" text, "ended_at" timestamptz)`,
  );
}
