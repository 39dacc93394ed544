// `npm test`: every suite against the real broker and database.
// 1. Starts the local Kafka broker when none answers at KAFKA_BROKERS (and stops it at the end,
//    only if it started it). If the broker cannot be started the run FAILS: integration tests
//    never skip for want of infrastructure.
// 2. Prepares the test database (create if missing, run migrations).
// 3. Runs the unit, integration and end-to-end Jest projects in that order, stopping at the
//    first failing project, and prints one closing line `tests: N passed, N failed`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKafka, stopKafka } from './lib/local-kafka.mjs';
import { run } from './lib/run.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const projects = (process.argv[2] ?? 'unit,int,e2e').split(',');
const needsInfra = projects.some((p) => p !== 'unit');

const env = {
  ...process.env,
  NODE_ENV: 'test',
  NODE_OPTIONS: [
    process.env.NODE_OPTIONS,
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    '--disable-warning=TimeoutNegativeWarning',
  ]
    .filter(Boolean)
    .join(' '),
  TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rtw_test',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};

let startedKafka = false;

async function stopKafkaIfStarted() {
  if (startedKafka) await stopKafka();
  startedKafka = false;
}

async function runProject(name, resultsDir) {
  const outputFile = join(resultsDir, `${name}.json`);
  // --forceExit: a test that leaks a handle (a consumer stuck in a failing test) must not keep CI
  // waiting forever; Jest still names the leak in its output.
  const args = [
    'jest',
    '--selectProjects',
    name,
    '--json',
    '--outputFile',
    outputFile,
    '--ci',
    '--forceExit',
  ];
  if (name !== 'unit') args.push('--runInBand');
  const code = await run(join(root, 'node_modules', '.bin', 'jest'), args.slice(1), {
    cwd: root,
    env,
  });
  let passed = 0;
  let failed = 0;
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
    if (report.numTotalTests === 0) failed += 1; // a project that ran nothing is a failure
  } catch {
    failed += 1;
  }
  return { code, passed, failed };
}

async function main() {
  const resultsDir = mkdtempSync(join(tmpdir(), 'rtw-test-'));
  let passed = 0;
  let failed = 0;
  let exitCode = 0;
  try {
    if (needsInfra) {
      startedKafka = await ensureKafka('test');
      const prepared = await run(
        process.execPath,
        [join(root, 'scripts', 'db-prepare.mjs'), '--test'],
        { cwd: root, env },
      );
      if (prepared !== 0) throw new Error('the test database could not be prepared');
    }
    for (const project of projects) {
      console.log(`\ntest: running the ${project} tests`);
      const result = await runProject(project, resultsDir);
      passed += result.passed;
      failed += result.failed;
      if (result.code !== 0) {
        exitCode = result.code || 1;
        break;
      }
    }
  } catch (error) {
    console.error(`test: ${error.message}`);
    exitCode = 1;
    failed += 1;
  } finally {
    await stopKafkaIfStarted();
    rmSync(resultsDir, { recursive: true, force: true });
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await stopKafkaIfStarted();
    process.exit(130);
  });
}

await main();
