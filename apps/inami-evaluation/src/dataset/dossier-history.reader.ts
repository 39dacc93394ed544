import type { DataSource, QueryRunner } from 'typeorm';
import type { DeadlineStatus, DossierHistory } from './dataset.types';

interface EventRow {
  dossier_id: string;
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
 * all its events in version order and its legal deadlines. Everything is read in one read-only
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
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const ids = await this.page(runner, insurer, after);
        if (ids.length === 0) break;
        yield* await this.histories(runner, ids);
        after = ids.at(-1)!;
        if (ids.length < this.pageSize) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  private async page(runner: QueryRunner, insurer: string, after: string): Promise<string[]> {
    // Version 1 is every dossier's first event: one row per dossier, along the primary key.
    const rows = (await runner.query(
      `SELECT "dossier_id" FROM "dossier_events"
        WHERE "version" = 1 AND "insurer" = $1 AND "dossier_id" > $2
        ORDER BY "dossier_id" LIMIT $3`,
      [insurer, after, this.pageSize],
    )) as Array<{ dossier_id: string }>;
    return rows.map((row) => row.dossier_id);
  }

  private async histories(runner: QueryRunner, ids: string[]): Promise<DossierHistory[]> {
    const events = (await runner.query(
      `SELECT "dossier_id", "type", "occurred_at", "data" FROM "dossier_events"
        WHERE "dossier_id" = ANY($1::uuid[]) ORDER BY "dossier_id", "version"`,
      [ids],
    )) as EventRow[];
    const deadlines = (await runner.query(
      `SELECT "dossier_id", "rule_id", "status" FROM "dossier_deadlines"
        WHERE "dossier_id" = ANY($1::uuid[]) ORDER BY "dossier_id", "id"`,
      [ids],
    )) as DeadlineRow[];
    const byDossier = new Map<string, DossierHistory & { events: unknown[]; deadlines: unknown[] }>(
      ids.map((dossierId) => [dossierId, { dossierId, events: [], deadlines: [] }]),
    );
    for (const row of events) {
      (byDossier.get(row.dossier_id)?.events as DossierHistory['events'][number][]).push({
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
