import type { DataSource, QueryRunner } from 'typeorm';
import type { DeadlineStatus, DossierHistory } from './dataset.types';
import { FOLDED_EVENT_TYPES } from './trajectory.folder';

interface EventRow {
  dossier_id: string;
  event_id: string;
  type: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

interface DeadlineRow {
  dossier_id: string;
  rule_id: string;
  status: DeadlineStatus;
}

/**
 * Reads one insurer's dossiers from the tracker's event store, a page of dossiers at a time (keyset
 * on the dossier id, so each page is an index range and memory holds one page), each dossier with
 * the events the fold reads (FOLDED_EVENT_TYPES) in version order and its legal deadlines. Everything is read in one read-only
 * REPEATABLE READ transaction: the dataset is one consistent snapshot even while events arrive.
 */
export class DossierHistoryReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pageSize: number,
  ) {}

  /** The dossiers of `insurer`, one at a time, in dossier id order. */
  async *dossiers(insurer: string): AsyncGenerator<DossierHistory> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let next: Promise<DossierHistory[] | undefined> | undefined;
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const nextStarts = await this.nextIncapacities(runner, insurer);
      const load = (after: string) => this.load(runner, insurer, after, nextStarts);
      next = load('00000000-0000-0000-0000-000000000000');
      while (next) {
        const page: DossierHistory[] | undefined = await next;
        if (page === undefined) break;
        // Asks for the following page before handing this one out: the database reads it while
        // the caller folds and writes this one (ADR 0085). Memory holds two pages at most.
        next = page.length === this.pageSize ? load(page.at(-1)!.dossierId) : undefined;
        yield* page;
      }
      await runner.commitTransaction();
    } finally {
      // A caller that stops early leaves a page in flight: let it settle before the rollback.
      await next?.catch(() => undefined);
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /** The page of dossiers after `after`, with their histories; undefined when none is left. */
  private async load(
    runner: QueryRunner,
    insurer: string,
    after: string,
    nextStarts: ReadonlyMap<string, string>,
  ): Promise<DossierHistory[] | undefined> {
    const ids = await this.page(runner, insurer, after);
    return ids.length === 0 ? undefined : this.histories(runner, ids, nextStarts);
  }

  /**
   * For each of the insurer's dossiers whose person opened a later dossier there, the first day
   * of that next incapacity (ADR 0069): one pass over the insurer's openings, ordered by person
   * and start, in this snapshot. The NISS is compared in SQL and never leaves the database; only
   * the dossiers that have a next incapacity come back, a small share of the year.
   */
  private async nextIncapacities(
    runner: QueryRunner,
    insurer: string,
  ): Promise<Map<string, string>> {
    const rows = (await runner.query(
      `SELECT "dossier_id", "next_start" FROM (
         SELECT "dossier_id", "start",
                lead("start") OVER (PARTITION BY "niss" ORDER BY "start", "dossier_id") AS "next_start"
           FROM (SELECT "dossier_id", "data" -> 'insured' ->> 'niss' AS "niss",
                        "data" -> 'incapacity' ->> 'startDate' AS "start"
                   FROM "dossier_events" WHERE "version" = 1 AND "insurer" = $1) AS "openings"
       ) AS "ordered"
       WHERE "next_start" > "start"`,
      [insurer],
    )) as Array<{ dossier_id: string; next_start: string }>;
    return new Map(rows.map((row) => [row.dossier_id, row.next_start]));
  }

  private async page(runner: QueryRunner, insurer: string, after: string): Promise<string[]> {
    // Version 1 is every dossier's first event: one row per dossier, a range of the partial
    // index on (insurer, dossier_id) (migration IndexDossierOpeningsByInsurer, ADR 0085).
    const rows = (await runner.query(
      `SELECT "dossier_id" FROM "dossier_events"
        WHERE "version" = 1 AND "insurer" = $1 AND "dossier_id" > $2
        ORDER BY "dossier_id" LIMIT $3`,
      [insurer, after, this.pageSize],
    )) as Array<{ dossier_id: string }>;
    return rows.map((row) => row.dossier_id);
  }

  private async histories(
    runner: QueryRunner,
    ids: string[],
    nextStarts: ReadonlyMap<string, string>,
  ): Promise<DossierHistory[]> {
    const events = (await runner.query(
      `SELECT "dossier_id", "event_id", "type", "occurred_at", "data" FROM "dossier_events"
        WHERE "dossier_id" = ANY($1::uuid[]) AND "type" = ANY($2::text[])
        ORDER BY "dossier_id", "version"`,
      [ids, FOLDED_EVENT_TYPES],
    )) as EventRow[];
    const deadlines = (await runner.query(
      `SELECT "dossier_id", "rule_id", "status" FROM "dossier_deadlines"
        WHERE "dossier_id" = ANY($1::uuid[]) ORDER BY "dossier_id", "id"`,
      [ids],
    )) as DeadlineRow[];
    const byDossier = new Map<string, DossierHistory & { events: unknown[]; deadlines: unknown[] }>(
      ids.map((dossierId) => {
        const next = nextStarts.get(dossierId);
        return [
          dossierId,
          next
            ? { dossierId, events: [], deadlines: [], nextIncapacityStart: next }
            : { dossierId, events: [], deadlines: [] },
        ];
      }),
    );
    for (const row of events) {
      (byDossier.get(row.dossier_id)?.events as DossierHistory['events'][number][]).push({
        eventId: row.event_id,
        type: row.type,
        occurredAt: row.occurred_at,
        data: row.data,
      });
    }
    for (const row of deadlines) {
      (byDossier.get(row.dossier_id)?.deadlines as DossierHistory['deadlines'][number][]).push({
        ruleId: row.rule_id,
        status: row.status,
      });
    }
    return [...byDossier.values()];
  }
}
