import type { EntityManager } from 'typeorm';
import type { ItemOutcome, Submission } from '../submission/submission.types';

/**
 * Audit rows of a submission: who, which channel, event id and type, dossier id, outcome and
 * reason code. Never the payload: an audit trail of personal data would be a second copy of it.
 */
export async function insertAuditRows(
  manager: EntityManager,
  submission: Submission,
  outcomes: readonly ItemOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;
  await manager.query(
    `INSERT INTO "ingress_audit" ("organisation_id", "channel", "event_id", "event_type", "dossier_id", "outcome", "reason_code")
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[])`,
    [
      outcomes.map(() => submission.organisation.id),
      outcomes.map(() => submission.channel),
      outcomes.map((o) => o.facts.id ?? null),
      outcomes.map((o) => o.facts.type ?? null),
      outcomes.map((o) => o.facts.dossierId ?? null),
      outcomes.map((o) => o.outcome),
      outcomes.map((o) => (o.outcome === 'rejected' ? o.refusal.code : null)),
    ],
  );
}
