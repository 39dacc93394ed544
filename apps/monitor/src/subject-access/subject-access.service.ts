import type { DataSource, EntityManager } from 'typeorm';
import { isValidNiss } from '@rtw/domain';
import type { Clock, Logger } from '@rtw/platform';
import { SubjectAccessError } from './subject-access.error';
import type { SubjectAccessReport, SubjectAccessRequest } from './subject-access.types';

/** The role that may ask (issue 12: privacy officer only). */
export const PRIVACY_ROLE = 'privacy-officer';

/**
 * Builds a subject access report (GDPR art. 15) from what the hub already records: the tracker's
 * dossier store (which dossiers are about the person: the `dossier.opened` event is the only one
 * carrying the NISS), delivery's queue (which organisation received which message, when, and
 * because of which event) and the tracker's access audit (who looked). Every request, refused or
 * answered, is audited with who, why and which dossiers, in the transaction that reads, so no
 * report leaves without its row. Read-only on the other apps' tables (ADR 0097).
 */
export class SubjectAccessService {
  constructor(
    private readonly parts: {
      readonly dataSource: DataSource;
      readonly clock: Clock;
      readonly logger?: Logger;
    },
  ) {}

  async report(request: SubjectAccessRequest): Promise<SubjectAccessReport> {
    const at = this.parts.clock.now();
    if (!request.requester.roles.includes(PRIVACY_ROLE)) {
      await this.auditRefusal(request, at);
      throw new SubjectAccessError({
        code: 'PRIVACY_ROLE_REQUIRED',
        message: 'only a privacy officer may ask for a subject access report',
      });
    }
    const reason = request.reason.trim();
    if (reason.length < 10 || reason.length > 500)
      throw new SubjectAccessError({
        code: 'REASON_REQUIRED',
        message: 'say why in 10 to 500 characters',
      });
    if (!isValidNiss(request.niss))
      throw new SubjectAccessError({ code: 'NISS_INVALID', message: 'not a valid NISS' });
    try {
      return await this.parts.dataSource.transaction(async (manager) => {
        const report = await this.read(manager, request, at);
        await this.audit(
          manager,
          { ...request, reason },
          at,
          'answered',
          report.dossiers.map((d) => d.dossierId),
        );
        return report;
      });
    } catch (error) {
      throw new SubjectAccessError({
        code: 'DATABASE_UNAVAILABLE',
        message: 'the records could not be read; try again',
        cause: error,
      });
    }
  }

  /** A refusal stands whether or not its row can be written (the database may be down). */
  private async auditRefusal(request: SubjectAccessRequest, at: Date): Promise<void> {
    try {
      await this.audit(this.parts.dataSource.manager, request, at, 'refused', []);
    } catch (error) {
      this.parts.logger?.warn(
        { err: error },
        'Refused subject access request could not be audited',
      );
    }
  }

  private async read(
    manager: EntityManager,
    request: SubjectAccessRequest,
    at: Date,
  ): Promise<SubjectAccessReport> {
    // An insurer's staff get their insurer's dossiers only ($2 null: the hub operator's, all).
    const dossiers: Array<{ dossier_id: string; insurer: string; opened_at: Date }> =
      await manager.query(
        `SELECT "dossier_id", "insurer", min("occurred_at") AS "opened_at" FROM "dossier_events"
         WHERE "type" = 'be.rtw.dossier.opened' AND "data" -> 'insured' ->> 'niss' = $1
           AND ($2::text IS NULL OR "insurer" = $2::text)
         GROUP BY "dossier_id", "insurer" ORDER BY min("occurred_at")`,
        [request.niss, request.requester.insurer],
      );
    const ids = dossiers.map((row) => row.dossier_id);
    const [disclosures, accesses] = await Promise.all([
      manager.query(
        `SELECT m."dossier_id", m."organisation_id", m."partner", m."message_type", m."contract",
                m."status", m."received_at", m."delivered_at", e."type" AS "cause"
         FROM "delivery_messages" m
         LEFT JOIN "dossier_events" e
           ON e."dossier_id" = m."dossier_id" AND e."event_id" = m."causation_id"
         WHERE m."dossier_id" = ANY($1::uuid[]) ORDER BY m."received_at", m."seq"`,
        [ids],
      ) as Promise<Array<Record<string, string | Date | null>>>,
      manager.query(
        `SELECT "dossier_id", "actor_organisation", "accessed_at", "identity_shown"
         FROM "dossier_access_audit" WHERE "dossier_id" = ANY($1::uuid[]) ORDER BY "accessed_at"`,
        [ids],
      ) as Promise<
        Array<{
          dossier_id: string;
          actor_organisation: string;
          accessed_at: Date;
          identity_shown: boolean;
        }>
      >,
    ]);
    return {
      generatedAt: at.toISOString(),
      dossiers: dossiers.map((row) => ({
        dossierId: row.dossier_id,
        insurer: row.insurer,
        openedAt: new Date(row.opened_at).toISOString(),
      })),
      disclosures: disclosures.map((row) => ({
        dossierId: String(row['dossier_id']),
        organisation: String(row['organisation_id']),
        partner: String(row['partner']),
        messageType: String(row['message_type']),
        contract: String(row['contract']),
        cause: row['cause'] === null ? null : String(row['cause']),
        status: String(row['status']),
        preparedAt: new Date(row['received_at']!).toISOString(),
        deliveredAt: row['delivered_at'] ? new Date(row['delivered_at']).toISOString() : null,
      })),
      accesses: accesses.map((row) => ({
        dossierId: row.dossier_id,
        organisation: row.actor_organisation,
        at: new Date(row.accessed_at).toISOString(),
        identityShown: row.identity_shown,
      })),
    };
  }

  private async audit(
    manager: EntityManager,
    request: SubjectAccessRequest,
    at: Date,
    outcome: 'answered' | 'refused',
    dossierIds: string[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO "subject_access_audit" ("requested_at", "actor_organisation", "actor_subject",
         "roles", "reason", "outcome", "dossier_ids") VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[])`,
      [
        at,
        request.requester.organisation,
        request.requester.subject,
        [...request.requester.roles],
        request.reason.trim(),
        outcome,
        dossierIds,
      ],
    );
  }
}
