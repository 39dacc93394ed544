import type { DossierSummary } from './timeline.types';

/** The projection's columns as the API shows them (dates as `YYYY-MM-DD`), for `FROM "dossiers" d`. */
export const SUMMARY_COLUMNS = `d."dossier_id", d."insurer", d."version", d."status", d."scheme",
  to_char(d."incapacity_start", 'YYYY-MM-DD') AS "incapacity_start", d."category", d."route",
  d."ami_case", d."ami_status", to_char(d."closed_on", 'YYYY-MM-DD') AS "closed_on",
  to_char(d."incapacity_ended_on", 'YYYY-MM-DD') AS "incapacity_ended_on",
  to_char(d."retention_until", 'YYYY-MM-DD') AS "retention_until", d."outcome", d."opened_at",
  d."updated_at"`;

/** A row of {@link SUMMARY_COLUMNS}. */
export type SummaryRow = Record<string, unknown> & { dossier_id: string };

/** The API's shape of a projection row. */
export function summaryOf(row: SummaryRow): DossierSummary {
  return {
    dossierId: row.dossier_id,
    insurer: String(row['insurer']),
    version: Number(row['version']),
    status: String(row['status']),
    scheme: textOrNull(row['scheme']),
    incapacityStart: textOrNull(row['incapacity_start']),
    category: numberOrNull(row['category']),
    route: textOrNull(row['route']),
    amiCase: numberOrNull(row['ami_case']),
    amiStatus: textOrNull(row['ami_status']),
    closedOn: textOrNull(row['closed_on']),
    incapacityEndedOn: textOrNull(row['incapacity_ended_on']),
    retentionUntil: textOrNull(row['retention_until']),
    outcome: textOrNull(row['outcome']),
    openedAt: isoOf(row['opened_at'])!,
    updatedAt: isoOf(row['updated_at'])!,
  };
}

/** A timestamp column as ISO 8601 (UTC), or null. */
export function isoOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

/** A text column, or null. */
export function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
