import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '@rtw/platform';
import {
  createFreshDatabase,
  createTestDataSource,
  dropDatabase,
  routeASalariedWithCpmt,
  type ScriptedTrajectory,
} from '@rtw/testing';
import { EvaluationDatasetContract } from '../dataset/evaluation-dataset.contract';
import { storeTrajectory, testVersionsService } from '../testing/event-store.helper';
import type { DatasetVersion } from './dataset-version.types';
import type { DatasetVersionsRepository } from './dataset-versions.repository';
import type { DatasetVersionsService } from './dataset-versions.service';
import { VersionError, type VersionErrorCode } from './version.error';

/** Versions are frozen in January of the following year. */
const clock: Clock = { now: () => new Date('2027-01-15T08:00:00.000Z') };
const actor = { organisation: 'urn:rtw:org:insurer:100', subject: 'operator-1' };

async function codeOf(promise: Promise<unknown>): Promise<VersionErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof VersionError) return error.code;
    throw error;
  }
}

describe('frozen versions of an INAMI dataset', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let contract: EvaluationDatasetContract;
  let service: DatasetVersionsService;
  let versions: DatasetVersionsRepository;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    contract = await EvaluationDatasetContract.load();
    ({ service, versions } = testVersionsService({ dataSource, contract, clock }));
  });

  afterAll(async () => {
    contract?.dispose();
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  async function storedSha(version: DatasetVersion, form: 'xml' | 'json'): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of versions.file(version.id, form)) hash.update(chunk);
    return hash.digest('hex');
  }

  const trajectory = (): ScriptedTrajectory =>
    routeASalariedWithCpmt({ insurer: '300', incapacityStart: '2026-02-02' });

  it('builds as a dry run by default: counts and hashes, nothing stored', async () => {
    await storeTrajectory(dataSource, trajectory());
    const result = await service.build({ insurer: '300', year: 2026 });
    expect(result).toMatchObject({ insurer: '300', year: 2026, trajectoriesCounted: 1 });
    expect(result.files.xml.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await service.list({ insurer: '300', year: 2026 })).toEqual([]);
  });

  it('freezes version 1, asks a reason for version 2, and never alters a frozen version while events keep arriving', async () => {
    const first = await service.freeze({ insurer: '300', year: 2026, actor });
    expect(first).toMatchObject({ version: 1, status: 'frozen', trajectoriesCounted: 1 });
    expect(first.reason).toBeUndefined();
    expect(first.frozenBy).toBe('urn:rtw:org:insurer:100/operator-1');
    expect(await storedSha(first, 'xml')).toBe(first.files.xml.sha256);
    expect(await storedSha(first, 'json')).toBe(first.files.json.sha256);

    // Events of 2026 keep arriving, also while the next version is frozen.
    const late = trajectory();
    await storeTrajectory(dataSource, late, { count: 3 });
    expect(await codeOf(service.freeze({ insurer: '300', year: 2026, actor }))).toBe(
      'REASON_REQUIRED',
    );
    const [second] = await Promise.all([
      service.freeze({ insurer: '300', year: 2026, actor, reason: 'late questionnaires' }),
      storeTrajectory(dataSource, late, { from: 3 }),
    ]);
    expect(second).toMatchObject({ version: 2, reason: 'late questionnaires' });
    expect(second.trajectoriesCounted).toBe(2);
    expect(second.eventsAtFreeze).toBeGreaterThan(first.eventsAtFreeze);
    expect(Date.parse(second.eventsHighWater!)).toBeGreaterThan(Date.parse(first.eventsHighWater!));

    // The diff shows the late trajectory as added, its pseudonym only.
    const diff = await service.diff({ insurer: '300', year: 2026, from: 1, to: 2 });
    expect(diff.trajectories.added).toHaveLength(1);
    expect(diff.trajectories.removed).toEqual([]);
    expect(diff.figures).toContainEqual({
      figure: 'reconciliation/trajectoriesCounted',
      from: 1,
      to: 2,
    });

    // Version 1 is as it was frozen: row and bytes.
    expect(await service.show({ insurer: '300', year: 2026, version: 1 })).toEqual(first);
    expect(await storedSha(first, 'xml')).toBe(first.files.xml.sha256);

    // And the database itself refuses to alter or delete it.
    await expect(
      dataSource.query(
        `UPDATE "inami_dataset_versions" SET "trajectories_counted" = 9 WHERE "id" = $1`,
        [first.id],
      ),
    ).rejects.toThrow('cannot be altered');
    await expect(
      dataSource.query(
        `UPDATE "inami_dataset_chunks" SET "bytes" = '\\x00' WHERE "version_id" = $1`,
        [first.id],
      ),
    ).rejects.toThrow('cannot be changed');
    await expect(
      dataSource.query(`DELETE FROM "inami_dataset_versions" WHERE "id" = $1`, [first.id]),
    ).rejects.toThrow('cannot be deleted');
  });

  it('lets only one of two concurrent freezes of a dataset take a number; the other is told why', async () => {
    await storeTrajectory(
      dataSource,
      routeASalariedWithCpmt({ insurer: '500', incapacityStart: '2026-03-02' }),
    );
    const outcomes = await Promise.all([
      codeOf(service.freeze({ insurer: '500', year: 2026, actor, reason: 'one' })),
      codeOf(service.freeze({ insurer: '500', year: 2026, actor, reason: 'two' })),
    ]);
    const frozen = await service.list({ insurer: '500', year: 2026 });
    // Either the second waited for nothing (it found the lock taken) or it came after the first.
    expect(outcomes.filter((outcome) => outcome === 'resolved')).toHaveLength(frozen.length);
    expect(outcomes.every((o) => o === 'resolved' || o === 'FREEZE_IN_PROGRESS')).toBe(true);
    expect(frozen.map((version) => version.version)).toEqual(frozen.length === 1 ? [1] : [1, 2]);

    // Another instance freezing this dataset holds the lock: this one refuses at once.
    const other = dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(81, hashtext('inami-freeze:500:2026'))`);
      expect(await codeOf(service.freeze({ insurer: '500', year: 2026, actor, reason: 'x' }))).toBe(
        'FREEZE_IN_PROGRESS',
      );
    } finally {
      await other.release();
    }
  });

  it.each([
    ['an unknown insurer', { insurer: '999', year: 2026 }, 'INSURER_UNKNOWN'],
    ['a malformed insurer', { insurer: '<script>', year: 2026 }, 'INSURER_UNKNOWN'],
    ['a year before trajectories', { insurer: '300', year: 2019 }, 'YEAR_OUT_OF_RANGE'],
    ['a year to come', { insurer: '300', year: 2031 }, 'YEAR_OUT_OF_RANGE'],
    ['the running year', { insurer: '300', year: 2027 }, 'YEAR_NOT_CLOSED'],
  ] as const)('refuses to freeze %s with a reason code', async (_name, key, code) => {
    expect(await codeOf(service.freeze({ ...key, actor }))).toBe(code);
  });

  it('says VERSION_NOT_FOUND for a version never frozen', async () => {
    expect(await codeOf(service.show({ insurer: '300', year: 2026, version: 7 }))).toBe(
      'VERSION_NOT_FOUND',
    );
  });
});
