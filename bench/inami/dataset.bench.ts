import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import * as ts from 'typescript';
import { ensureDatabase, runMigrations } from '@rtw/persistence';
import type { Scenario } from '../harness/scenario';
import { round, seedInsurer, type SeededInsurer } from './seed';

const ROOT = join(__dirname, '..', '..');
/** Trajectories per size; the last is the national year (about 18 events each). */
const SIZES = (process.env.BENCH_INAMI_SIZES ?? '10000,30000,100000')
  .split(',')
  .map((size) => Number(size.trim()));
/** The bench's own database (never the test database): seeds are kept there between runs. */
const DATABASE_URL =
  process.env.BENCH_INAMI_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rtw_bench_inami';
const YEAR = 2026;
const PAGE_SIZE = process.env.BENCH_INAMI_PAGE_SIZE ?? '500';
/**
 * The child's Node options: by default those the inami-evaluation app runs with
 * (docker-compose.yml): a small young generation bounds the build's heap (ADR 0085).
 */
const CHILD_NODE_OPTIONS = process.env.BENCH_INAMI_NODE_OPTIONS ?? '--max-semi-space-size=2';
/** One insurer per size, so the sizes share one event store as insurers share the hub's. */
const INSURERS = ['100', '200', '300', '400', '500'];

interface ChildResult {
  seconds: number;
  peakRssMiB: number;
  [key: string]: unknown;
}

/**
 * Compiles the hub (`npm run build`) and the child next to it: the build is measured as
 * production runs it, compiled. Through the development loader the child would carry the
 * TypeScript compiler and every transpiled module (about 200 MiB more), which is not the build's.
 */
async function compile(): Promise<string> {
  const npm = spawn('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => npm.once('close', resolve));
  if (code !== 0) throw new Error(`npm run build exited with ${code}`);
  const source = readFileSync(join(__dirname, 'build.child.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  // The child's relative imports (../../apps/...) resolve the same from dist/bench/inami.
  const out = join(ROOT, 'dist', 'bench', 'inami');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'build.child.js'), outputText);
  return join(out, 'build.child.js');
}

/** Runs the measured child (`build` or `read`) for one insurer and returns what it printed. */
async function child(
  entry: string,
  mode: 'build' | 'read',
  insurer: string,
  outDir: string,
): Promise<ChildResult> {
  const proc = spawn(
    process.execPath,
    [entry, DATABASE_URL, insurer, String(YEAR), mode, outDir, PAGE_SIZE],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: CHILD_NODE_OPTIONS },
    },
  );
  let out = '';
  proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => proc.once('close', resolve));
  if (code !== 0) throw new Error(`the ${mode} child for insurer ${insurer} exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

/** The figures of one size: the build, and the read alone measured just before it. */
async function measure(entry: string, seed: SeededInsurer, outDir: string) {
  const read = await child(entry, 'read', seed.insurer, outDir);
  const build = await child(entry, 'build', seed.insurer, outDir);
  return {
    trajectories: seed.trajectories,
    events: seed.events,
    seedSeconds: seed.seedSeconds,
    seedReused: seed.reused,
    build: {
      seconds: round(build.seconds, 2),
      cpuSeconds: round(build['cpuSeconds'] as number, 2),
      eventsPerSecond: Math.round(seed.events / build.seconds),
      secondsPer10kTrajectories: round((build.seconds / seed.trajectories) * 10_000, 2),
      cpuSecondsPer10kTrajectories: round(
        ((build['cpuSeconds'] as number) / seed.trajectories) * 10_000,
        2,
      ),
      peakRssMiB: Math.round(build.peakRssMiB),
      trajectoriesCounted: build['trajectoriesCounted'],
      findings: build['findings'],
    },
    readOnly: {
      seconds: round(read.seconds, 2),
      cpuSeconds: round(read['cpuSeconds'] as number, 2),
      eventsPerSecond: Math.round(seed.events / read.seconds),
      peakRssMiB: Math.round(read.peakRssMiB),
    },
  };
}

/**
 * The INAMI evaluation dataset build (issue 11) at three sizes, the last a national year
 * (100,000 trajectories, about 1.8 million events). Each size is one insurer's year, seeded
 * straight into the tracker's tables (large multi-row inserts of generated lawful trajectories;
 * kept between runs, seeding time reported apart), then built in a child process whose peak RSS
 * is its own. The same-run baseline is reading the same dossiers without building. Goal: the
 * national year in under 60 s and 300 MB, seconds per 10,000 trajectories flat across sizes.
 */
export const inamiDataset: Scenario = {
  name: 'inami-dataset',
  description: `INAMI dataset build for ${SIZES.join(' / ')} trajectories (seeded event store, build in a child process)`,
  async run() {
    if (SIZES.length > INSURERS.length || SIZES.some((size) => !(size > 0))) {
      throw new Error(`BENCH_INAMI_SIZES: at most ${INSURERS.length} positive sizes`);
    }
    await ensureDatabase(DATABASE_URL);
    await runMigrations(DATABASE_URL);
    const pool = new Pool({ connectionString: DATABASE_URL, max: 2 });
    const outDir = mkdtempSync(join(tmpdir(), 'rtw-bench-inami-'));
    try {
      const seeds: SeededInsurer[] = [];
      for (const [index, trajectories] of SIZES.entries()) {
        seeds.push(
          await seedInsurer(pool, { insurer: INSURERS[index]!, trajectories, year: YEAR }),
        );
      }
      const entry = await compile();
      const sizes = [];
      for (const seed of seeds) sizes.push(await measure(entry, seed, outDir));
      const national = sizes.at(-1)!;
      const perTenK = sizes.map((size) => size.build.secondsPer10kTrajectories);
      const cpuPerTenK = sizes.map((size) => size.build.cpuSecondsPer10kTrajectories);
      return {
        year: YEAR,
        pageSize: Number(PAGE_SIZE),
        childNodeOptions: CHILD_NODE_OPTIONS,
        sizes,
        goal: { seconds: 60, peakRssMiB: 300 },
        largest: {
          trajectories: national.trajectories,
          withinSeconds: national.build.seconds < 60,
          withinMemory: national.build.peakRssMiB < 300,
        },
        // Linear growth: the cost per 10,000 trajectories at the largest size over the smallest.
        linearity: round(perTenK.at(-1)! / perTenK[0]!, 2),
        // The same in CPU seconds, which neighbours on a shared machine disturb far less.
        cpuLinearity: round(cpuPerTenK.at(-1)! / cpuPerTenK[0]!, 2),
      };
    } finally {
      await pool.end();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
