import type { DataSource } from 'typeorm';
import { withDatabase } from '../database/database-failure';
import { IngressError } from '../errors/ingress.error';
import { isEventId } from '../validation/event-facts';
import type { Organisation } from '../organisations/organisation.types';

/**
 * Where an event stands: `accepted` (recorded, waiting in the outbox), `published` (on
 * `rtw.inbound.events.v1`) or `rejected` (the latest attempt was refused, with its reason).
 */
export interface EventStatus {
  readonly id: string;
  readonly type: string | null;
  readonly dossierId: string | null;
  readonly status: 'accepted' | 'published' | 'rejected';
  readonly recordedAt: string;
  readonly publishedAt?: string;
  readonly reasonCode?: string;
}

/** Reads an event's status for the organisation that sent it (nobody else may ask). */
export class EventStatusReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The status, or undefined when the organisation sent no event with this id. An id that does
   * not have the contract's shape is refused (EVENT_ID_INVALID) before it reaches SQL: no event
   * can have it, and PostgreSQL refuses some of it (a NUL byte) with an error that is not an outage.
   */
  async read(organisation: Organisation, eventId: string): Promise<EventStatus | undefined> {
    if (!isEventId(eventId))
      throw new IngressError({
        code: 'EVENT_ID_INVALID',
        message:
          "an event id has 1 to 128 characters: letters, digits, '.', '_', ':' or '-', starting with a letter or digit",
      });
    return withDatabase(
      async () =>
        (await this.accepted(organisation, eventId)) ?? this.rejected(organisation, eventId),
    );
  }

  private async accepted(
    organisation: Organisation,
    eventId: string,
  ): Promise<EventStatus | undefined> {
    const [row]: Array<{
      event_type: string;
      dossier_id: string;
      accepted_at: Date;
      published_at: Date | null;
      pending: boolean;
    }> = await this.dataSource.query(
      `SELECT i."event_type", i."dossier_id", i."accepted_at", o."published_at",
                (o."id" IS NOT NULL AND o."published_at" IS NULL) AS "pending"
         FROM "ingress_idempotency" i LEFT JOIN "outbox" o ON o."id" = i."outbox_id"
         WHERE i."source" = $1 AND i."event_id" = $2`,
      [organisation.source, eventId],
    );
    if (!row) return undefined;
    // A missing outbox row was published and later purged: rows are only purged once published.
    const published = !row.pending;
    return {
      id: eventId,
      type: row.event_type,
      dossierId: row.dossier_id,
      status: published ? 'published' : 'accepted',
      recordedAt: row.accepted_at.toISOString(),
      ...(row.published_at ? { publishedAt: row.published_at.toISOString() } : {}),
    };
  }

  private async rejected(
    organisation: Organisation,
    eventId: string,
  ): Promise<EventStatus | undefined> {
    const [row]: Array<{
      event_type: string | null;
      dossier_id: string | null;
      occurred_at: Date;
      reason_code: string;
    }> = await this.dataSource.query(
      `SELECT "event_type", "dossier_id", "occurred_at", "reason_code" FROM "ingress_audit"
       WHERE "organisation_id" = $1 AND "event_id" = $2 AND "outcome" = 'rejected'
       ORDER BY "id" DESC LIMIT 1`,
      [organisation.id, eventId],
    );
    if (!row) return undefined;
    return {
      id: eventId,
      type: row.event_type,
      dossierId: row.dossier_id,
      status: 'rejected',
      recordedAt: row.occurred_at.toISOString(),
      reasonCode: row.reason_code,
    };
  }
}
