import type { DataSource, EntityManager } from 'typeorm';
import type { DatasetKey } from '../versions/dataset-version.types';
import type { DraftSummary } from './dataset-reminder.message';

/** One insurer's dataset year as the schedule sees it. */
export interface ScheduleRow {
  readonly insurer: string;
  readonly year: number;
  readonly draft?: DraftSummary;
  /** The number of the last reminder sent (0: none yet). */
  readonly reminders: number;
  readonly lastRemindedAt?: string;
}

interface Row {
  insurer: string;
  year: number;
  draft: DraftSummary | null;
  reminders: number;
  last_reminded_at: Date | null;
}

/** The schedule's table (ADR 0108); the only writer of `inami_dataset_schedule`. */
export class DatasetScheduleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The row of a dataset year, created when the schedule first meets it. */
  async ensure(key: DatasetKey, now: Date): Promise<ScheduleRow> {
    await this.dataSource.query(
      `INSERT INTO "inami_dataset_schedule" ("insurer", "year", "created_at")
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [key.insurer, key.year, now],
    );
    return (await this.find(key))!;
  }

  async find(key: DatasetKey): Promise<ScheduleRow | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT "insurer", "year", "draft", "reminders", "last_reminded_at"
         FROM "inami_dataset_schedule" WHERE "insurer" = $1 AND "year" = $2`,
      [key.insurer, key.year],
    )) as Row[];
    const row = rows[0];
    if (!row) return undefined;
    return {
      insurer: row.insurer,
      year: row.year,
      ...(row.draft ? { draft: row.draft } : {}),
      reminders: row.reminders,
      ...(row.last_reminded_at ? { lastRemindedAt: row.last_reminded_at.toISOString() } : {}),
    };
  }

  /** Records the draft once: a second draft of the same year changes nothing. True when stored. */
  async recordDraft(key: DatasetKey, draft: DraftSummary): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE "inami_dataset_schedule" SET "draft_built_at" = $3, "draft" = $4::jsonb
        WHERE "insurer" = $1 AND "year" = $2 AND "draft_built_at" IS NULL RETURNING "year"`,
      [key.insurer, key.year, draft.builtAt, JSON.stringify(draft)],
    )) as [unknown[], number];
    return rows.length > 0;
  }

  /**
   * Claims reminder `reminder` of a dataset year inside the caller's transaction: a
   * compare-and-set on the last reminder number, so of two instances claiming the same period
   * one wins and the other sees the row already moved (true when this call claimed it).
   */
  async claimReminder(
    manager: EntityManager,
    key: DatasetKey,
    args: { reminder: number; now: Date },
  ): Promise<boolean> {
    const [rows] = (await manager.query(
      `UPDATE "inami_dataset_schedule" SET "reminders" = $3, "last_reminded_at" = $4
        WHERE "insurer" = $1 AND "year" = $2 AND "reminders" < $3 RETURNING "year"`,
      [key.insurer, key.year, args.reminder, args.now],
    )) as [unknown[], number];
    return rows.length > 0;
  }
}
