import type { DataSource } from 'typeorm';

/**
 * FOR TESTS that need a dossier linked to a partner without running the tracker: writes what the
 * tracker writes when it accepts a referral (a current relation) and, unless `consent` is false,
 * the insured's consent for that partner's scope.
 */
export async function linkDossierToPartner(
  dataSource: DataSource,
  link: {
    dossierId: string;
    partner: { kind: 'cpmt' | 'regional'; code: string };
    referralId?: string;
    consent?: boolean;
    ended?: boolean;
  },
): Promise<void> {
  const scope = link.partner.kind === 'cpmt' ? 'cpmt' : 'regional-service';
  const purpose = link.partner.kind === 'cpmt' ? 'cpmt-referral' : 'regional-referral';
  await dataSource.query(
    `INSERT INTO "dossier_relations" ("dossier_id", "partner_kind", "partner_code", "purpose",
       "referral_id", "consent_scope", "started_at", "started_by_event", "ended_at", "end_reason")
     VALUES ($1, $2, $3, $4, $5, $6, now(), 'test', CASE WHEN $7 THEN now() END,
       CASE WHEN $7 THEN 'partner-rejected' END)`,
    [
      link.dossierId,
      link.partner.kind,
      link.partner.code,
      purpose,
      link.referralId ?? 'REF-1',
      scope,
      link.ended === true,
    ],
  );
  if (link.consent !== false) {
    await dataSource.query(
      `INSERT INTO "dossier_consents" ("dossier_id", "scope", "status", "given_on", "event_id")
       VALUES ($1, $2, 'given', current_date, 'test') ON CONFLICT DO NOTHING`,
      [link.dossierId, scope],
    );
  }
}
