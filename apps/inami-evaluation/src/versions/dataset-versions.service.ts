import { randomUUID } from 'node:crypto';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Clock } from '@rtw/platform';
import type { DatasetBuilder, DatasetBuildResult } from '../dataset/dataset.builder';
import type { EvaluationDataset } from '../dataset/dataset.types';
import { ChunkSink, type ChunkWriter } from './chunk.sink';
import { checkDatasetKey } from './dataset-key.check';
import type { Actor, DatasetKey, DatasetVersion, VersionFile } from './dataset-version.types';
import type { DatasetVersionsRepository } from './dataset-versions.repository';
import { diffDatasets, type VersionDiff } from './version.diff';
import { VersionError } from './version.error';

/** What a dry-run build says: the counts and each file's hash and size; nothing is stored. */
export interface DryRunResult extends DatasetBuildResult {
  readonly insurer: string;
  readonly year: number;
  readonly files: { readonly xml: VersionFile; readonly json: VersionFile };
}

/** Namespace of the freeze locks among the hub's advisory locks. */
const FREEZE_LOCK_NAMESPACE = 81;

/**
 * The versions of a dataset (ADR 0081): `build` is a dry run (the files are hashed, optionally
 * copied to the caller's sinks, never stored); `freeze` builds and stores an immutable version
 * with its hashes and the event high-water mark, under a lock per insurer and year so two freezes
 * never race for one number.
 */
export class DatasetVersionsService {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      builder: DatasetBuilder;
      versions: DatasetVersionsRepository;
      clock: Clock;
    },
  ) {}

  /** Builds the dataset without storing it; `copyTo` receives the bytes too (not ended). */
  async build(
    key: DatasetKey,
    copyTo?: { xml?: Writable; json?: Writable },
    onRecord?: () => void,
  ): Promise<DryRunResult> {
    checkDatasetKey(key, { clock: this.deps.clock, closed: false });
    const sinks = {
      xml: new ChunkSink('xml', copier(copyTo?.xml)),
      json: new ChunkSink('json', copier(copyTo?.json), onRecord),
    };
    const result = await this.deps.builder.build(key, sinks);
    const files = await endAll(sinks);
    return { insurer: key.insurer, year: key.year, ...result, files };
  }

  /** Builds and stores the next version; a version after the first needs a reason. */
  async freeze(
    key: DatasetKey & { actor: Actor; reason?: string; onRecord?: () => void },
  ): Promise<DatasetVersion> {
    checkDatasetKey(key, { clock: this.deps.clock, closed: true });
    const reason = key.reason?.trim() || undefined;
    const runner = this.deps.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await this.lock(runner, key);
      try {
        return await this.freezeLocked(runner, { ...key, reason });
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [
          FREEZE_LOCK_NAMESPACE,
          lockName(key),
        ]);
      }
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
  }

  /** The insurer's dossiers in the store: the most records a build can write (for progress). */
  async dossierCount(insurer: string): Promise<number> {
    const [row] = (await this.deps.dataSource.query(
      `SELECT count(*)::int AS "count" FROM "dossier_events" WHERE "version" = 1 AND "insurer" = $1`,
      [insurer],
    )) as Array<{ count: number }>;
    return row?.count ?? 0;
  }

  /** Every frozen version of a dataset, oldest first. */
  async list(key: DatasetKey): Promise<DatasetVersion[]> {
    checkDatasetKey(key, { clock: this.deps.clock, closed: false });
    return this.deps.versions.list(key);
  }

  /** One frozen version, or VERSION_NOT_FOUND. */
  async show(key: DatasetKey & { version: number }): Promise<DatasetVersion> {
    checkDatasetKey(key, { clock: this.deps.clock, closed: false });
    const found = await this.deps.versions.find(key);
    if (!found) {
      throw new VersionError(
        'VERSION_NOT_FOUND',
        `insurer ${key.insurer} has no frozen version ${key.version} for ${key.year}`,
      );
    }
    return found;
  }

  /**
   * What changed from version `from` to version `to` (ADR 0083). Reads both JSON files whole: a
   * diff is an operator's question about two stored versions, not part of a build's budget.
   */
  async diff(key: DatasetKey & { from: number; to: number }): Promise<
    VersionDiff & {
      from: DatasetVersion;
      to: DatasetVersion;
    }
  > {
    const from = await this.show({ ...key, version: key.from });
    const to = await this.show({ ...key, version: key.to });
    const [before, after] = await Promise.all([this.dataset(from), this.dataset(to)]);
    return { from, to, ...diffDatasets(before, after) };
  }

  private async dataset(version: DatasetVersion): Promise<EvaluationDataset> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.deps.versions.file(version.id, 'json')) chunks.push(chunk);
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as EvaluationDataset;
  }

  private async lock(runner: QueryRunner, key: DatasetKey): Promise<void> {
    const [row] = (await runner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS "locked"', [
      FREEZE_LOCK_NAMESPACE,
      lockName(key),
    ])) as Array<{ locked: boolean }>;
    if (!row?.locked) {
      throw new VersionError(
        'FREEZE_IN_PROGRESS',
        `a version of insurer ${key.insurer}'s ${key.year} dataset is being frozen; try again once it is done`,
      );
    }
  }

  private async freezeLocked(
    runner: QueryRunner,
    key: DatasetKey & { actor: Actor; reason: string | undefined; onRecord?: () => void },
  ): Promise<DatasetVersion> {
    const number = await this.deps.versions.nextVersion(runner, key);
    if (number > 1 && key.reason === undefined) {
      throw new VersionError(
        'REASON_REQUIRED',
        `version ${number} corrects version ${number - 1}: say why (reason)`,
      );
    }
    // Read before the build's own snapshot: every event recorded up to this mark is in the build.
    const mark = await this.deps.versions.eventsMark(key.insurer, runner);
    const id = randomUUID();
    await runner.startTransaction();
    const store: ChunkWriter = (chunk) =>
      this.deps.versions.insertChunk(runner, { versionId: id, ...chunk });
    const sinks = {
      xml: new ChunkSink('xml', store),
      json: new ChunkSink('json', store, key.onRecord),
    };
    const result = await this.deps.builder.build(key, sinks);
    const files = await endAll(sinks);
    const version: DatasetVersion = {
      id,
      insurer: key.insurer,
      year: key.year,
      version: number,
      frozenAt: this.deps.clock.now().toISOString(),
      frozenBy: `${key.actor.organisation}/${key.actor.subject}`,
      ...(key.reason !== undefined ? { reason: key.reason } : {}),
      ...(mark.highWater ? { eventsHighWater: mark.highWater.toISOString() } : {}),
      eventsAtFreeze: mark.count,
      dossiersRead: result.dossiersRead,
      trajectoriesCounted: result.trajectoriesCounted,
      findings: result.findings,
      files,
      status: 'frozen',
    };
    await this.deps.versions.insertVersion(runner, version);
    await runner.commitTransaction();
    return version;
  }
}

function lockName(key: DatasetKey): string {
  return `inami-freeze:${key.insurer}:${key.year}`;
}

/** A chunk writer that copies each chunk to a caller's sink (a dry run's file or stdout). */
function copier(sink: Writable | undefined): ChunkWriter | undefined {
  if (!sink) return undefined;
  return async ({ bytes }) => {
    if (!sink.write(bytes)) await new Promise((resolve) => sink.once('drain', resolve));
  };
}

async function endAll(sinks: {
  xml: ChunkSink;
  json: ChunkSink;
}): Promise<{ xml: VersionFile; json: VersionFile }> {
  sinks.xml.end();
  sinks.json.end();
  await Promise.all([finished(sinks.xml), finished(sinks.json)]);
  return { xml: sinks.xml.file(), json: sinks.json.file() };
}
