import type { DataSource, QueryRunner } from 'typeorm';
import type {
  DatasetForm,
  DatasetKey,
  DatasetVersion,
  VersionAnswer,
  VersionStatus,
} from './dataset-version.types';

interface VersionRow {
  id: string;
  insurer: string;
  year: number;
  version: number;
  frozen_at: Date;
  frozen_by: string;
  reason: string | null;
  events_high_water: Date | null;
  events_at_freeze: string;
  dossiers_read: number;
  trajectories_counted: number;
  findings: number;
  xml_sha256: string;
  xml_bytes: string;
  json_sha256: string;
  json_bytes: string;
  status: VersionStatus;
  message_id: string | null;
  submitted_at: Date | null;
  submitted_by: string | null;
  answered_at: Date | null;
  answer: VersionAnswer | null;
}

/** What the insurer's event store held when a build began (the high-water mark of a version). */
export interface EventsMark {
  readonly highWater?: Date;
  readonly count: number;
}

/** The frozen versions and their files (ADR 0081); the only writer of its two tables. */
export class DatasetVersionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The newest recorded event of the insurer and how many there are, read now. */
  async eventsMark(insurer: string, runner?: QueryRunner): Promise<EventsMark> {
    const [row] = (await (runner ?? this.dataSource).query(
      `SELECT max("recorded_at") AS "high_water", count(*)::bigint AS "count"
         FROM "dossier_events" WHERE "insurer" = $1`,
      [insurer],
    )) as Array<{ high_water: Date | null; count: string }>;
    return {
      ...(row?.high_water ? { highWater: row.high_water } : {}),
      count: Number(row?.count ?? 0),
    };
  }

  /** The number the next frozen version of this dataset gets. */
  async nextVersion(runner: QueryRunner, key: DatasetKey): Promise<number> {
    const [row] = (await runner.query(
      `SELECT coalesce(max("version"), 0) + 1 AS "next" FROM "inami_dataset_versions"
        WHERE "insurer" = $1 AND "year" = $2`,
      [key.insurer, key.year],
    )) as Array<{ next: number }>;
    return Number(row?.next ?? 1);
  }

  async insertChunk(
    runner: QueryRunner,
    chunk: { versionId: string; form: DatasetForm; seq: number; bytes: Buffer },
  ): Promise<void> {
    await runner.query(
      `INSERT INTO "inami_dataset_chunks" ("version_id", "form", "seq", "bytes")
       VALUES ($1, $2, $3, $4)`,
      [chunk.versionId, chunk.form, chunk.seq, chunk.bytes],
    );
  }

  async insertVersion(runner: QueryRunner, version: DatasetVersion): Promise<void> {
    await runner.query(
      `INSERT INTO "inami_dataset_versions" ("id", "insurer", "year", "version", "frozen_at",
         "frozen_by", "reason", "events_high_water", "events_at_freeze", "dossiers_read",
         "trajectories_counted", "findings", "xml_sha256", "xml_bytes", "json_sha256",
         "json_bytes", "status")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        version.id,
        version.insurer,
        version.year,
        version.version,
        version.frozenAt,
        version.frozenBy,
        version.reason ?? null,
        version.eventsHighWater ?? null,
        version.eventsAtFreeze,
        version.dossiersRead,
        version.trajectoriesCounted,
        version.findings,
        version.files.xml.sha256,
        version.files.xml.bytes,
        version.files.json.sha256,
        version.files.json.bytes,
        version.status,
      ],
    );
  }

  /** Every version of a dataset, oldest first. */
  async list(key: DatasetKey): Promise<DatasetVersion[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM "inami_dataset_versions" WHERE "insurer" = $1 AND "year" = $2
        ORDER BY "version"`,
      [key.insurer, key.year],
    )) as VersionRow[];
    return rows.map(toVersion);
  }

  async find(key: DatasetKey & { version: number }): Promise<DatasetVersion | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM "inami_dataset_versions"
        WHERE "insurer" = $1 AND "year" = $2 AND "version" = $3`,
      [key.insurer, key.year, key.version],
    )) as VersionRow[];
    return rows[0] ? toVersion(rows[0]) : undefined;
  }

  async findByMessage(messageId: string): Promise<DatasetVersion | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM "inami_dataset_versions" WHERE "message_id" = $1`,
      [messageId],
    )) as VersionRow[];
    return rows[0] ? toVersion(rows[0]) : undefined;
  }

  /**
   * Moves a version from one status to another, only if it is still in `from` (a compare-and-set:
   * two racing submissions or answers cannot both win). True when this call moved it.
   */
  async moveStatus(
    runner: QueryRunner,
    args: {
      id: string;
      from: readonly VersionStatus[];
      to: VersionStatus;
      set?: {
        messageId?: string;
        submittedAt?: Date;
        submittedBy?: string;
        answeredAt?: Date;
        answer?: VersionAnswer;
      };
    },
  ): Promise<boolean> {
    const set = args.set ?? {};
    const result = (await runner.query(
      `UPDATE "inami_dataset_versions" SET "status" = $3,
          "message_id" = coalesce($4, "message_id"),
          "submitted_at" = coalesce($5, "submitted_at"),
          "submitted_by" = coalesce($6, "submitted_by"),
          "answered_at" = coalesce($7, "answered_at"),
          "answer" = coalesce($8::jsonb, "answer")
        WHERE "id" = $1 AND "status" = ANY($2::text[])
        RETURNING "id"`,
      [
        args.id,
        [...args.from],
        args.to,
        set.messageId ?? null,
        set.submittedAt ?? null,
        set.submittedBy ?? null,
        set.answeredAt ?? null,
        set.answer ? JSON.stringify(set.answer) : null,
      ],
    )) as [Array<{ id: string }>, number];
    return result[0].length > 0;
  }

  /** The bytes of one stored file, chunk by chunk in order (one chunk in memory at a time). */
  async *file(versionId: string, form: DatasetForm): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const rows = (await this.dataSource.query(
        `SELECT "bytes" FROM "inami_dataset_chunks"
          WHERE "version_id" = $1 AND "form" = $2 AND "seq" = $3`,
        [versionId, form, seq],
      )) as Array<{ bytes: Buffer }>;
      if (!rows[0]) return;
      yield rows[0].bytes;
    }
  }
}

function toVersion(row: VersionRow): DatasetVersion {
  return {
    id: row.id,
    insurer: row.insurer,
    year: row.year,
    version: row.version,
    frozenAt: row.frozen_at.toISOString(),
    frozenBy: row.frozen_by,
    ...(row.reason !== null ? { reason: row.reason } : {}),
    ...(row.events_high_water ? { eventsHighWater: row.events_high_water.toISOString() } : {}),
    eventsAtFreeze: Number(row.events_at_freeze),
    dossiersRead: row.dossiers_read,
    trajectoriesCounted: row.trajectories_counted,
    findings: row.findings,
    files: {
      xml: { sha256: row.xml_sha256, bytes: Number(row.xml_bytes) },
      json: { sha256: row.json_sha256, bytes: Number(row.json_bytes) },
    },
    status: row.status,
    ...(row.message_id !== null ? { messageId: row.message_id } : {}),
    ...(row.submitted_at ? { submittedAt: row.submitted_at.toISOString() } : {}),
    ...(row.submitted_by !== null ? { submittedBy: row.submitted_by } : {}),
    ...(row.answered_at ? { answeredAt: row.answered_at.toISOString() } : {}),
    ...(row.answer !== null ? { answer: row.answer } : {}),
  };
}
