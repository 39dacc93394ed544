import type { EntityManager } from 'typeorm';
import type { DeadlineRow } from './deadline.book';

/** The tracker's SQL for `dossier_deadlines`. */
export class DeadlineStore {
  /** The dossiers' deadlines a batch may still change: open, or missed and not yet settled. */
  async loadOpen(manager: EntityManager, dossierIds: readonly string[]): Promise<DeadlineRow[]> {
    if (dossierIds.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT "id", "dossier_id", "insurer", "rule_id", "match_key", "started_by",
              to_char("starts_on", 'YYYY-MM-DD') AS "starts_on",
              to_char("opens_on", 'YYYY-MM-DD') AS "opens_on",
              to_char("due_on", 'YYYY-MM-DD') AS "due_on", "status"
       FROM "dossier_deadlines"
       WHERE "dossier_id" = ANY($1::uuid[]) AND "settled_at" IS NULL AND "status" IN ('open', 'missed')`,
      [dossierIds],
    );
    return rows.map((row) => ({
      id: row['id'] as string,
      dossierId: row['dossier_id'] as string,
      insurer: row['insurer'] as string,
      ruleId: row['rule_id'] as string,
      matchKey: row['match_key'] as string,
      startedBy: row['started_by'] as string,
      startsOn: row['starts_on'] as string,
      ...(row['opens_on'] ? { opensOn: row['opens_on'] as string } : {}),
      dueOn: row['due_on'] as string,
      status: row['status'] as DeadlineRow['status'],
      settled: false,
    }));
  }

  /** Inserts new rows and updates settled or cancelled ones, one statement each. */
  async write(
    manager: EntityManager,
    changes: { inserts: DeadlineRow[]; updates: DeadlineRow[] },
    now: Date,
  ): Promise<void> {
    const { inserts, updates } = changes;
    if (inserts.length > 0) {
      await manager.query(
        `INSERT INTO "dossier_deadlines" ("dossier_id", "insurer", "rule_id", "match_key",
           "started_by", "starts_on", "opens_on", "due_on", "status", "settled_at", "settled_by")
         SELECT d, i, r, m, s, so::date, oo::date, du::date, st,
                CASE WHEN sb IS NULL THEN NULL ELSE $12::timestamptz END, sb
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::text[], $9::text[], $10::text[], $11::int[])
           AS x(d, i, r, m, s, so, oo, du, st, sb, n) ORDER BY n`,
        [
          inserts.map((row) => row.dossierId),
          inserts.map((row) => row.insurer),
          inserts.map((row) => row.ruleId),
          inserts.map((row) => row.matchKey),
          inserts.map((row) => row.startedBy),
          inserts.map((row) => row.startsOn),
          inserts.map((row) => row.opensOn ?? null),
          inserts.map((row) => row.dueOn),
          inserts.map((row) => row.status),
          inserts.map((row) => row.settledBy ?? null),
          inserts.map((_, index) => index),
          now,
        ],
      );
    }
    if (updates.length > 0) {
      await manager.query(
        `UPDATE "dossier_deadlines" AS d SET "status" = u.st, "settled_at" = $4, "settled_by" = u.sb
         FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, st, sb) WHERE d."id" = u.id`,
        [
          updates.map((row) => row.id),
          updates.map((row) => row.status),
          updates.map((row) => row.settledBy),
          now,
        ],
      );
    }
  }
}
