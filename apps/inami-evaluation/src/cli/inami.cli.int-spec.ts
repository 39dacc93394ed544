import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  createFreshDatabase,
  createTestDataSource,
  dropDatabase,
  routeASalariedWithCpmt,
} from '@rtw/testing';
import { storeTrajectory, TEST_PSEUDONYM_SECRET } from '../testing/event-store.helper';
import { inamiCli } from './inami.cli';

describe('rtw inami', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let dir: string;
  const year = new Date().getUTCFullYear() - 1;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    dir = mkdtempSync(join(tmpdir(), 'rtw-inami-cli-'));
    await storeTrajectory(
      dataSource,
      routeASalariedWithCpmt({ insurer: '500', incapacityStart: `${year}-02-02` }),
    );
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function run(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await inamiCli(argv, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        INAMI_PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
      },
      progress: false,
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('builds a dry run into files, freezes, shows and diffs versions', async () => {
    const built = await run('build', '--insurer', '500', '--year', String(year), '--out', dir);
    expect(built.code).toBe(0);
    expect(JSON.parse(built.out)).toMatchObject({ trajectoriesCounted: 1 });
    expect(readFileSync(join(dir, `inami-500-${year}-draft.xml`), 'utf8')).toContain(
      '<evaluationDataset',
    );

    expect(
      (await run('freeze', '--insurer', '500', '--year', String(year), '--by', 'op-1')).code,
    ).toBe(0);
    const again = await run('freeze', '--insurer', '500', '--year', String(year));
    expect([again.code, again.err]).toEqual([1, expect.stringMatching(/^REASON_REQUIRED: /)]);
    expect(
      (await run('freeze', '--insurer', '500', '--year', String(year), '--reason', 'recount')).code,
    ).toBe(0);
    const shown = await run('show', '--insurer', '500', '--year', String(year));
    expect(JSON.parse(shown.out).map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const diff = await run(
      'diff',
      '--insurer',
      '500',
      '--year',
      String(year),
      '--from',
      '1',
      '--to',
      '2',
    );
    expect(JSON.parse(diff.out)).toMatchObject({ figures: [], trajectories: { unchanged: 1 } });
  });

  it('answers a usage error with 2 and a refusal with its reason code and 1', async () => {
    expect((await run('publish', '--insurer', '500', '--year', '2026')).code).toBe(2);
    expect((await run('show', '--insurer', '500')).code).toBe(2);
    const unknown = await run('show', '--insurer', '999', '--year', String(year));
    expect([unknown.code, unknown.err]).toEqual([1, expect.stringMatching(/^INSURER_UNKNOWN: /)]);
  });
});
