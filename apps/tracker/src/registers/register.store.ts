import type { EntityManager } from 'typeorm';
import type { ConsentChange, RelationChange } from './register-changes';

interface RelationRow {
  id?: string;
  dossierId: string;
  partnerKind: string;
  partnerCode: string;
  purpose: string;
  referralId: string;
  consentScope: string;
  startedBy: string;
  ended?: { reason: string; by: string };
}

/**
 * The tracker's writes to the consent and relation registers (ADR 0028). A batch's changes are
 * applied in event order to the dossiers' current links loaded once, then written with one insert
 * and one update per table.
 */
export class RegisterStore {
  async apply(
    manager: EntityManager,
    changes: { consents: readonly ConsentChange[]; relations: readonly RelationChange[] },
    now: Date,
  ): Promise<void> {
    if (changes.relations.length > 0) await this.applyRelations(manager, changes.relations, now);
    if (changes.consents.length > 0) await this.applyConsents(manager, changes.consents, now);
  }

  private async applyRelations(
    manager: EntityManager,
    changes: readonly RelationChange[],
    now: Date,
  ): Promise<void> {
    const dossierIds = [...new Set(changes.map((change) => change.dossierId))];
    const loaded: Array<Record<string, string>> = await manager.query(
      `SELECT "id", "dossier_id", "partner_kind", "partner_code", "purpose", "referral_id",
              "consent_scope", "started_by_event"
       FROM "dossier_relations" WHERE "dossier_id" = ANY($1::uuid[]) AND "ended_at" IS NULL`,
      [dossierIds],
    );
    const rows: RelationRow[] = loaded.map((row) => ({
      id: row['id'],
      dossierId: row['dossier_id']!,
      partnerKind: row['partner_kind']!,
      partnerCode: row['partner_code']!,
      purpose: row['purpose']!,
      referralId: row['referral_id']!,
      consentScope: row['consent_scope']!,
      startedBy: row['started_by_event']!,
    }));
    for (const change of changes) {
      if (change.op === 'start') {
        const current = rows.some(
          (row) =>
            !row.ended &&
            row.dossierId === change.dossierId &&
            row.partnerKind === change.partner.kind &&
            row.partnerCode === change.partner.code &&
            row.referralId === change.referralId,
        );
        if (!current)
          rows.push({
            dossierId: change.dossierId,
            partnerKind: change.partner.kind,
            partnerCode: change.partner.code,
            purpose: change.purpose,
            referralId: change.referralId,
            consentScope: change.consentScope,
            startedBy: change.eventId,
          });
        continue;
      }
      for (const row of rows) {
        if (row.ended || row.dossierId !== change.dossierId) continue;
        const { referralId, consentScope, partnerKind } = change.match;
        if (referralId !== undefined && row.referralId !== referralId) continue;
        if (consentScope !== undefined && row.consentScope !== consentScope) continue;
        if (partnerKind !== undefined && row.partnerKind !== partnerKind) continue;
        row.ended = { reason: change.reason, by: change.eventId };
      }
    }
    const inserts = rows.filter((row) => row.id === undefined);
    if (inserts.length > 0) {
      await manager.query(
        `INSERT INTO "dossier_relations" ("dossier_id", "partner_kind", "partner_code", "purpose",
           "referral_id", "consent_scope", "started_at", "started_by_event", "ended_at",
           "end_reason", "ended_by_event")
         SELECT d, k, c, p, r, s, $9, b, CASE WHEN er IS NULL THEN NULL ELSE $9::timestamptz END, er, eb
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::text[], $10::text[]) AS x(d, k, c, p, r, s, b, er, eb)`,
        [
          inserts.map((row) => row.dossierId),
          inserts.map((row) => row.partnerKind),
          inserts.map((row) => row.partnerCode),
          inserts.map((row) => row.purpose),
          inserts.map((row) => row.referralId),
          inserts.map((row) => row.consentScope),
          inserts.map((row) => row.startedBy),
          inserts.map((row) => row.ended?.reason ?? null),
          now,
          inserts.map((row) => row.ended?.by ?? null),
        ],
      );
    }
    const ended = rows.filter((row) => row.id !== undefined && row.ended);
    if (ended.length > 0) {
      await manager.query(
        `UPDATE "dossier_relations" AS r SET "ended_at" = $4, "end_reason" = u.er, "ended_by_event" = u.eb
         FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, er, eb) WHERE r."id" = u.id`,
        [
          ended.map((row) => row.id),
          ended.map((row) => row.ended!.reason),
          ended.map((row) => row.ended!.by),
          now,
        ],
      );
    }
  }

  private async applyConsents(
    manager: EntityManager,
    changes: readonly ConsentChange[],
    now: Date,
  ): Promise<void> {
    // In event order; the last decision per dossier and scope is the register's state.
    const latest = new Map<string, ConsentChange & { givenOn?: string }>();
    for (const change of changes) {
      const key = `${change.dossierId} ${change.scope}`;
      const previous = latest.get(key);
      latest.set(key, {
        ...change,
        givenOn: change.status === 'given' ? change.on : previous?.givenOn,
      });
    }
    const rows = [...latest.values()];
    await manager.query(
      `INSERT INTO "dossier_consents" ("dossier_id", "scope", "status", "given_on", "withdrawn_on",
         "event_id", "updated_at")
       SELECT d, s, st, g::date, w::date, e, $7
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         AS x(d, s, st, g, w, e)
       ON CONFLICT ("dossier_id", "scope") DO UPDATE SET
         "status" = excluded."status",
         "given_on" = COALESCE(excluded."given_on", "dossier_consents"."given_on"),
         "withdrawn_on" = CASE WHEN excluded."status" = 'withdrawn' THEN excluded."withdrawn_on" END,
         "event_id" = excluded."event_id",
         "updated_at" = excluded."updated_at"`,
      [
        rows.map((row) => row.dossierId),
        rows.map((row) => row.scope),
        rows.map((row) => row.status),
        rows.map((row) => row.givenOn ?? null),
        rows.map((row) => (row.status === 'withdrawn' ? row.on : null)),
        rows.map((row) => row.eventId),
        now,
      ],
    );
  }
}
