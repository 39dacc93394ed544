import type { EntityManager } from 'typeorm';
import {
  SUMMARY_COLUMNS,
  isoOf,
  summaryOf,
  textOrNull,
  type SummaryRow,
} from './dossier-summary.sql';
import type {
  AcceptedEntry,
  ConsentEntry,
  DeadlineEntry,
  DeliveryEntry,
  DossierSummary,
  RefusedEntry,
  RelationEntry,
} from './timeline.types';

type Row = Record<string, unknown>;

/** One dossier's rows as stored, before masking. */
export interface StoredTimeline {
  readonly dossier: (DossierSummary & { readonly state: Record<string, unknown> }) | undefined;
  readonly accepted: readonly AcceptedEntry[];
  readonly refused: readonly RefusedEntry[];
  readonly deadlines: readonly DeadlineEntry[];
  readonly consents: readonly ConsentEntry[];
  readonly relations: readonly RelationEntry[];
  readonly deliveries: readonly DeliveryEntry[];
}

/**
 * The tracker's SQL for a dossier's timeline: the projection, the event store, the refusals, the
 * deadlines, the registers and the delivery outcomes, read on the caller's transaction (one
 * snapshot, so the parts agree with each other).
 */
export class TimelineReader {
  async read(manager: EntityManager, dossierId: string): Promise<StoredTimeline> {
    const query = (sql: string): Promise<Row[]> => manager.query(sql, [dossierId]);
    const [dossiers, accepted, refused, deadlines, consents, relations, deliveries] =
      await Promise.all([
        query(`SELECT ${SUMMARY_COLUMNS}, d."state" FROM "dossiers" d WHERE d."dossier_id" = $1`),
        query(
          `SELECT "version", "event_id", "event_source", "type", "dataschema", "occurred_at",
                  "recorded_at", "correlation_id", "data"
           FROM "dossier_events" WHERE "dossier_id" = $1 ORDER BY "version"`,
        ),
        query(
          `SELECT "event_id", "event_source", "type", "reason_code", "message", "refused_at"
           FROM "dossier_refusals" WHERE "dossier_id" = $1 ORDER BY "refused_at", "id"`,
        ),
        query(
          `SELECT "rule_id", "started_by", to_char("starts_on", 'YYYY-MM-DD') AS "starts_on",
                  to_char("opens_on", 'YYYY-MM-DD') AS "opens_on",
                  to_char("due_on", 'YYYY-MM-DD') AS "due_on", "status", "due_soon_at",
                  "missed_at", "settled_at", "settled_by"
           FROM "dossier_deadlines" WHERE "dossier_id" = $1 ORDER BY "due_on", "id"`,
        ),
        query(
          `SELECT "scope", "status", to_char("given_on", 'YYYY-MM-DD') AS "given_on",
                  to_char("withdrawn_on", 'YYYY-MM-DD') AS "withdrawn_on", "event_id"
           FROM "dossier_consents" WHERE "dossier_id" = $1 ORDER BY "scope"`,
        ),
        query(
          `SELECT "partner_kind", "partner_code", "purpose", "referral_id", "consent_scope",
                  "started_at", "started_by_event", "ended_at", "end_reason", "ended_by_event"
           FROM "dossier_relations" WHERE "dossier_id" = $1 ORDER BY "started_at", "id"`,
        ),
        query(
          `SELECT "message_id", "partner", "outcome", "reason_code", "attempts", "recorded_at"
           FROM "dossier_deliveries" WHERE "dossier_id" = $1 ORDER BY "recorded_at", "message_id"`,
        ),
      ]);
    const dossier = dossiers[0];
    return {
      dossier: dossier
        ? {
            ...summaryOf(dossier as SummaryRow),
            state: dossier['state'] as Record<string, unknown>,
          }
        : undefined,
      accepted: accepted.map(acceptedOf),
      refused: refused.map(refusedOf),
      deadlines: deadlines.map(deadlineOf),
      consents: consents.map(consentOf),
      relations: relations.map(relationOf),
      deliveries: deliveries.map(deliveryOf),
    };
  }
}

function acceptedOf(row: Row): AcceptedEntry {
  return {
    outcome: 'accepted',
    at: isoOf(row['recorded_at'])!,
    version: Number(row['version']),
    id: String(row['event_id']),
    source: String(row['event_source']),
    type: String(row['type']),
    dataschema: textOrNull(row['dataschema']),
    occurredAt: isoOf(row['occurred_at'])!,
    correlationId: textOrNull(row['correlation_id']),
    data: row['data'],
  };
}

function refusedOf(row: Row): RefusedEntry {
  return {
    outcome: 'refused',
    at: isoOf(row['refused_at'])!,
    id: String(row['event_id']),
    source: String(row['event_source']),
    type: String(row['type']),
    reasonCode: String(row['reason_code']),
    message: String(row['message']),
  };
}

function deadlineOf(row: Row): DeadlineEntry {
  return {
    rule: String(row['rule_id']),
    startedBy: String(row['started_by']),
    startsOn: String(row['starts_on']),
    opensOn: textOrNull(row['opens_on']),
    dueOn: String(row['due_on']),
    status: String(row['status']),
    dueSoonAt: isoOf(row['due_soon_at']),
    missedAt: isoOf(row['missed_at']),
    settledAt: isoOf(row['settled_at']),
    settledBy: textOrNull(row['settled_by']),
  };
}

function consentOf(row: Row): ConsentEntry {
  return {
    scope: String(row['scope']),
    status: String(row['status']),
    givenOn: textOrNull(row['given_on']),
    withdrawnOn: textOrNull(row['withdrawn_on']),
    eventId: String(row['event_id']),
  };
}

function relationOf(row: Row): RelationEntry {
  return {
    partner: { kind: String(row['partner_kind']), code: String(row['partner_code']) },
    purpose: String(row['purpose']),
    referralId: String(row['referral_id']),
    consentScope: String(row['consent_scope']),
    startedAt: isoOf(row['started_at'])!,
    startedByEvent: String(row['started_by_event']),
    endedAt: isoOf(row['ended_at']),
    endReason: textOrNull(row['end_reason']),
    endedByEvent: textOrNull(row['ended_by_event']),
  };
}

function deliveryOf(row: Row): DeliveryEntry {
  return {
    messageId: String(row['message_id']),
    partner: String(row['partner']),
    outcome: String(row['outcome']),
    reasonCode: textOrNull(row['reason_code']),
    attempts: Number(row['attempts']),
    recordedAt: isoOf(row['recorded_at'])!,
  };
}
