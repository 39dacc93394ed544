import type { DataSource } from 'typeorm';
import { SUMMARY_COLUMNS, summaryOf, type SummaryRow } from './dossier-summary.sql';
import type { DossierSummary } from './timeline.types';

/** Where a page starts: after this dossier in the listing's order. */
export interface ListingPosition {
  /** `opened_at` exactly as PostgreSQL holds it (microseconds, UTC). */
  readonly openedAt: string;
  readonly dossierId: string;
}

/** Which dossiers, and which page of them. */
export interface DossierListing {
  readonly insurer?: string;
  readonly status?: string;
  readonly limit: number;
  readonly after?: ListingPosition;
}

/** One page: the projections (no identity, no state) and where the next page starts. */
export interface DossierPage {
  readonly items: readonly DossierSummary[];
  readonly next: ListingPosition | null;
}

/**
 * Lists the dossier projection by insurer and status, newest opened first, with keyset paging
 * on `(opened_at, dossier_id)`: both never change, so paging while the tracker writes neither
 * skips nor repeats a dossier (indexes of migration CreateDossierListingIndexes).
 */
export class DossierListReader {
  constructor(private readonly dataSource: DataSource) {}

  async list(listing: DossierListing): Promise<DossierPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (listing.insurer !== undefined) where.push(`d."insurer" = ${param(listing.insurer)}`);
    if (listing.status !== undefined) where.push(`d."status" = ${param(listing.status)}`);
    if (listing.after)
      where.push(
        `(d."opened_at", d."dossier_id") < (${param(listing.after.openedAt)}::timestamptz, ${param(listing.after.dossierId)}::uuid)`,
      );
    const rows: Array<SummaryRow & { position: string }> = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS},
              to_char(d."opened_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "position"
       FROM "dossiers" d ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY d."opened_at" DESC, d."dossier_id" DESC LIMIT ${param(listing.limit + 1)}`,
      params,
    );
    const page = rows.slice(0, listing.limit);
    const last = page.at(-1);
    return {
      items: page.map(summaryOf),
      next:
        rows.length > listing.limit && last
          ? { openedAt: last.position, dossierId: last.dossier_id }
          : null,
    };
  }
}
