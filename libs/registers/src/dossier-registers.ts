import type { DataSource, EntityManager } from 'typeorm';
import {
  CONSENT_SCOPE_OF,
  type DossierConsent,
  type DossierFacts,
  type DossierRelation,
  type ExchangeVerdict,
  type PartnerRef,
} from './registers.types';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Read side of the tracker's consent and relation registers (the tracker alone writes them, ADR
 * 0028). Like the crossroads bank's reference directory, every app that exchanges data about a
 * dossier asks it first: the gateway before accepting a partner's answer, connectors before
 * building a message, delivery before each send and each replay. Reads go to the database each
 * time, so a consent withdrawal is effective at once.
 */
export class DossierRegisters {
  constructor(private readonly db: Queryable | DataSource) {}

  /** True while the dossier is linked to the partner (a referral not ended). */
  async isReferredTo(dossierId: string, partner: PartnerRef): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM "dossier_relations"
       WHERE "dossier_id" = $1 AND "partner_kind" = $2 AND "partner_code" = $3 AND "ended_at" IS NULL
       LIMIT 1`,
      [dossierId, partner.kind, partner.code],
    );
    return rows.length > 0;
  }

  /**
   * May the partner receive or send data about the dossier now: a current link (for the referral,
   * when given), the insured's consent for the partner's scope, and no withdrawn data-processing
   * consent. One query; the first missing condition is the reason.
   */
  async mayExchange(
    dossierId: string,
    partner: PartnerRef,
    options: { referralId?: string } = {},
  ): Promise<ExchangeVerdict> {
    const scope = CONSENT_SCOPE_OF[partner.kind];
    const [row] = (await this.db.query(
      `SELECT
         EXISTS (SELECT 1 FROM "dossier_relations"
                 WHERE "dossier_id" = $1 AND "partner_kind" = $2 AND "partner_code" = $3
                   AND "ended_at" IS NULL AND ($5::text IS NULL OR "referral_id" = $5)) AS "linked",
         (SELECT "status" FROM "dossier_consents" WHERE "dossier_id" = $1 AND "scope" = $4) AS "scope",
         (SELECT "status" FROM "dossier_consents"
          WHERE "dossier_id" = $1 AND "scope" = 'data-processing') AS "processing"`,
      [dossierId, partner.kind, partner.code, scope, options.referralId ?? null],
    )) as Array<{ linked: boolean; scope: string | null; processing: string | null }>;
    if (row?.processing === 'withdrawn')
      return { allowed: false, reason: 'DATA_PROCESSING_WITHDRAWN' };
    if (row?.scope === 'withdrawn') return { allowed: false, reason: 'CONSENT_WITHDRAWN' };
    if (row?.scope !== 'given') return { allowed: false, reason: 'CONSENT_MISSING' };
    if (!row.linked) return { allowed: false, reason: 'NOT_LINKED' };
    return { allowed: true };
  }

  /** Every link of a dossier, current and ended, oldest first (timelines, subject access). */
  async relationsOf(dossierId: string): Promise<DossierRelation[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT "dossier_id", "partner_kind", "partner_code", "purpose", "referral_id",
              "started_at", "ended_at", "end_reason"
       FROM "dossier_relations" WHERE "dossier_id" = $1 ORDER BY "id"`,
      [dossierId],
    );
    return rows.map((row) => ({
      dossierId: row['dossier_id'] as string,
      partner: {
        kind: row['partner_kind'] as PartnerRef['kind'],
        code: row['partner_code'] as string,
      },
      purpose: row['purpose'] as DossierRelation['purpose'],
      referralId: row['referral_id'] as string,
      startedAt: row['started_at'] as Date,
      ...(row['ended_at'] ? { endedAt: row['ended_at'] as Date } : {}),
      ...(row['end_reason']
        ? { endReason: row['end_reason'] as DossierRelation['endReason'] }
        : {}),
    }));
  }

  /** The consents of a dossier, one per scope. */
  async consentsOf(dossierId: string): Promise<DossierConsent[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT "dossier_id", "scope", "status", to_char("given_on", 'YYYY-MM-DD') AS "given_on",
              to_char("withdrawn_on", 'YYYY-MM-DD') AS "withdrawn_on"
       FROM "dossier_consents" WHERE "dossier_id" = $1 ORDER BY "scope"`,
      [dossierId],
    );
    return rows.map((row) => ({
      dossierId: row['dossier_id'] as string,
      scope: row['scope'] as DossierConsent['scope'],
      status: row['status'] as DossierConsent['status'],
      ...(row['given_on'] ? { givenOn: row['given_on'] as string } : {}),
      ...(row['withdrawn_on'] ? { withdrawnOn: row['withdrawn_on'] as string } : {}),
    }));
  }

  /**
   * What a partner's answer needs to know about a dossier and cannot say itself: the insurer that
   * owns it (the canonical envelope requires it) and the residence key that makes a regional
   * service competent. Read from the tracker's projection `dossiers`; undefined when the hub has
   * no such dossier (never opened, or purged).
   */
  async dossierFactsOf(dossierId: string): Promise<DossierFacts | undefined> {
    const [row] = (await this.db.query(
      `SELECT "insurer", "state"->'residence' AS "residence" FROM "dossiers" WHERE "dossier_id" = $1`,
      [dossierId],
    )) as Array<{ insurer: string; residence: { postalCode?: unknown; nisCode?: unknown } | null }>;
    if (!row) return undefined;
    const residence = row.residence;
    return {
      dossierId,
      insurer: row.insurer,
      ...(residence && typeof residence.postalCode === 'string'
        ? {
            residence: {
              postalCode: residence.postalCode,
              ...(typeof residence.nisCode === 'string' ? { nisCode: residence.nisCode } : {}),
            },
          }
        : {}),
    };
  }

  /** The insurer that owns the dossier, or undefined when the hub has no such dossier. */
  async insurerOf(dossierId: string): Promise<string | undefined> {
    return (await this.dossierFactsOf(dossierId))?.insurer;
  }
}
