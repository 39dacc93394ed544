// `npm test`: every suite against the real broker and database.
// 1. Starts the local Kafka broker when none answers at KAFKA_BROKERS (and stops it at the end,
//    only if it started it). If the broker cannot be started the run FAILS: integration tests
//    never skip for want of infrastructure.
// 2. Prepares the test database (create if missing, run migrations) and compiles the apps, which
//    integration and end-to-end tests start as processes from dist/ (RTW_TEST_APPS_FROM=dist).
// 3. Runs the unit, integration and end-to-end Jest projects in that order, ALL of them even when
//    one fails, then lists every failed test and prints one closing line
//    `tests: N passed, N failed`; exits non-zero when anything failed.
// Jest runs without --forceExit: a test that leaves a handle open (a consumer, a pool, a timer)
// keeps Jest from exiting, and that is reported as a failure of its project, not hidden.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKafka, stopKafka } from './lib/local-kafka.mjs';
import { run } from './lib/run.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const projects = (process.argv[2] ?? 'unit,int,e2e').split(',');
const needsInfra = projects.some((p) => p !== 'unit');
// Once Jest has written its results it must exit; if it does not, a test left a handle open.
const EXIT_GRACE_MS = Number(process.env.TEST_EXIT_GRACE_MS ?? 30_000);

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

/** Runs Jest; resolves with its exit code, or 'hung' when it did not exit after writing results. */
function runJest(args, outputFile) {
  return new Promise((resolveRun) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'jest'), args, {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    let watchdog;
    const poll = setInterval(() => {
      if (watchdog || !existsSync(outputFile)) return;
      watchdog = setTimeout(() => {
        console.error(
          `test: Jest did not exit ${EXIT_GRACE_MS / 1000} s after its last test: ` +
            'a test left a handle open (run the project with --detectOpenHandles to find it)',
        );
        child.kill('SIGKILL');
      }, EXIT_GRACE_MS);
    }, 1000);
    child.once('error', () => resolveRun(127));
    child.once('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(watchdog);
      resolveRun(signal === 'SIGKILL' && watchdog ? 'hung' : (code ?? 1));
    });
  });
}

async function runProject(name, resultsDir) {
  const outputFile = join(resultsDir, `${name}.json`);
  const args = ['--selectProjects', name, '--json', '--outputFile', outputFile, '--ci'];
  if (name !== 'unit') args.push('--runInBand');
  const code = await runJest(args, outputFile);
  const result = { name, code, passed: 0, failed: 0, failures: [] };
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    result.passed = report.numPassedTests;
    result.failed = report.numFailedTests + report.numRuntimeErrorTestSuites;
    for (const suite of report.testResults) {
      const file = relative(root, suite.name);
      const failedTests = suite.assertionResults.filter((t) => t.status === 'failed');
      for (const test of failedTests) result.failures.push(`${file} › ${test.fullName}`);
      if (failedTests.length === 0 && suite.status === 'failed')
        result.failures.push(`${file} (the file failed to run)`);
    }
    if (report.numTotalTests === 0) {
      result.failed += 1; // a project that ran nothing is a failure
      result.failures.push(`${name}: no test ran`);
    }
  } catch {
    result.failed += 1;
    result.failures.push(`${name}: Jest wrote no results`);
  }
  if (code === 'hung') {
    result.failed += 1;
    result.failures.push(`${name}: Jest did not exit (a test left a handle open)`);
  } else if (code !== 0 && result.failed === 0) {
    result.failed += 1;
    result.failures.push(`${name}: Jest exited with code ${code}`);
  }
  return result;
}

async function main() {
  const resultsDir = mkdtempSync(join(tmpdir(), 'rtw-test-'));
  const results = [];
  let setupFailure;
  try {
    if (needsInfra) {
      startedKafka = await ensureKafka('test');
      const prepared = await run(
        process.execPath,
        [join(root, 'scripts', 'db-prepare.mjs'), '--test'],
        { cwd: root, env },
      );
      if (prepared !== 0) throw new Error('the test database could not be prepared');
      console.log('test: compiling the apps the tests start as processes');
      if ((await run('npm', ['run', '--silent', 'build'], { cwd: root, env })) !== 0)
        throw new Error('the build failed');
      env.RTW_TEST_APPS_FROM = 'dist';
    }
    for (const project of projects) {
      console.log(`\ntest: running the ${project} tests`);
      results.push(await runProject(project, resultsDir));
    }
  } catch (error) {
    setupFailure = error.message;
  } finally {
    await stopKafkaIfStarted();
    rmSync(resultsDir, { recursive: true, force: true });
  }
  const passed = results.reduce((sum, r) => sum + r.passed, 0);
  let failed = results.reduce((sum, r) => sum + r.failed, 0);
  const failures = results.flatMap((r) => r.failures);
  if (setupFailure) {
    failed += 1;
    failures.push(`setup: ${setupFailure}`);
  }
  console.log('');
  for (const r of results) console.log(`test: ${r.name}: ${r.passed} passed, ${r.failed} failed`);
  if (failures.length > 0) {
    console.log('\ntest: failures');
    for (const failure of failures) console.log(`  ✕ ${failure}`);
  }
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await stopKafkaIfStarted();
    process.exit(130);
  });
}

await main();
