// `npm run hub:start | hub:restart | hub:stop | hub:status`: the whole hub on this machine,
// without Docker.
// start:   PostgreSQL check, local Kafka broker, database + migrations, build, then every app as a
//          background process (logs and pid files in .local/run/), and waits until each answers
//          ready on /health/ready. Idempotent: running apps are left alone (and keep the
//          configuration they started with: use restart to apply a changed .env).
// restart: stops the apps gracefully (the broker keeps running), rebuilds, starts them again.
// stop:    SIGTERM to every app (graceful: finish in-flight work), then the local broker.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APPS as HUB_APPS, appPort } from './lib/apps.mjs';
import { ensureDevMonitorTrust } from './lib/dev-monitor-trust.mjs';
import { ensureKafka, stopKafka } from './lib/local-kafka.mjs';
import { run } from './lib/run.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The development OpenID provider the monitor's console logs in with (ADR 0094): run from the
// TypeScript sources, since it lives in the test helpers and is never part of the build.
const DEV_IDENTITY_PROVIDER = {
  name: 'dev-identity-provider',
  portKey: 'DEV_IDENTITY_PROVIDER_PORT',
  port: 3005,
  entry: ['-r', './scripts/register-ts.cjs', join('scripts', 'dev-identity-provider.ts')],
};
const APPS = [DEV_IDENTITY_PROVIDER, ...HUB_APPS];
// Set by start(): where the development trust for the monitor's support tokens is.
const devEnv = {};
const runDir = join(root, '.local', 'run');
const host = process.env.HTTP_HOST ?? '127.0.0.1';
const READY_TIMEOUT_MS = Number(process.env.HUB_READY_TIMEOUT_MS ?? 120_000);

const pidFile = (app) => join(runDir, `${app.name}.pid`);
const logFile = (app) => join(runDir, `${app.name}.log`);

function runningPid(app) {
  if (!existsSync(pidFile(app))) return undefined;
  const pid = Number(readFileSync(pidFile(app), 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    rmSync(pidFile(app), { force: true });
    return undefined;
  }
}

async function readiness(app) {
  try {
    const response = await fetch(`http://${host}:${appPort(app)}/health/ready`, {
      signal: AbortSignal.timeout(4000),
    });
    return response.status === 200 ? 'ready' : `not ready (${response.status})`;
  } catch {
    return 'not answering';
  }
}

function startApp(app) {
  if (runningPid(app)) {
    console.log(
      `hub: ${app.name} already running with the configuration it started with ` +
        '(npm run hub:restart applies a changed .env)',
    );
    return;
  }
  const out = openSync(logFile(app), 'a');
  // Only when the file exists: Node prints a non-JSON "not found" line otherwise, and every line
  // an app writes must be JSON.
  // config/development.env gives development values of required secrets (refused in production);
  // .env comes after it and overrides it, and the process environment overrides both.
  const envFile = [
    '--env-file=config/development.env',
    ...(existsSync(join(root, '.env')) ? ['--env-file=.env'] : []),
  ];
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      ...envFile,
      '--disable-warning=TimeoutNegativeWarning',
      // The INAMI build streams a year through a small young generation: the same peak RSS as in
      // docker-compose.yml and the bench (ADR 0085).
      ...(app.name === 'inami-evaluation' ? ['--max-semi-space-size=2'] : []),
      ...(app.entry ?? [join('dist', 'apps', app.name, 'src', 'main.js')]),
    ],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...devDefaults(), ...process.env },
    },
  );
  writeFileSync(pidFile(app), String(child.pid));
  child.unref();
  console.log(
    `hub: started ${app.name} (pid ${child.pid}, port ${appPort(app)}, log .local/run/${app.name}.log)`,
  );
}

/** The development trust settings that neither .env nor the process environment overrides. */
function devDefaults() {
  const dotEnv = existsSync(join(root, '.env')) ? readFileSync(join(root, '.env'), 'utf8') : '';
  const setThere = new Set(dotEnv.split('\n').map((line) => line.split('=')[0].trim()));
  return Object.fromEntries(Object.entries(devEnv).filter(([key]) => !setThere.has(key)));
}

async function waitReady() {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let pending = APPS;
  while (pending.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    const states = await Promise.all(pending.map(async (app) => [app, await readiness(app)]));
    pending = states
      .filter(([app, state]) => state !== 'ready' && runningPid(app))
      .map(([app]) => app);
    const died = states.filter(([app]) => !runningPid(app)).map(([app]) => app.name);
    if (died.length > 0)
      throw new Error(`exited during start: ${died.join(', ')} (see .local/run/<app>.log)`);
  }
  if (pending.length > 0)
    throw new Error(
      `not ready after ${READY_TIMEOUT_MS / 1000}s: ${pending.map((a) => a.name).join(', ')}`,
    );
}

async function start() {
  mkdirSync(runDir, { recursive: true });
  const steps = [['bash', [join(root, 'scripts', 'postgres-ensure.sh')]]];
  for (const [cmd, args] of steps)
    if ((await run(cmd, args, { cwd: root })) !== 0) throw new Error('PostgreSQL is not available');
  await ensureKafka('hub');
  if ((await run(process.execPath, [join(root, 'scripts', 'db-prepare.mjs')], { cwd: root })) !== 0)
    throw new Error('database preparation failed');
  console.log('hub: building');
  if ((await run('npm', ['run', '--silent', 'build'], { cwd: root })) !== 0)
    throw new Error('build failed');
  const trust = await ensureDevMonitorTrust(root);
  Object.assign(devEnv, {
    GATEWAY_ORGANISATIONS_FILE: trust.registry,
    TRACKER_ORGANISATIONS_FILE: trust.registry,
    DELIVERY_ORGANISATIONS_FILE: trust.registry,
    MONITOR_SUPPORT_SIGNING_KEYS_FILE: trust.signingKeys,
  });
  APPS.forEach(startApp);
  await waitReady();
  await status();
  console.log('hub: all apps ready');
}

async function stopApps() {
  const stopping = APPS.map((app) => [app, runningPid(app)]).filter(([, pid]) => pid);
  for (const [app, pid] of stopping) {
    process.kill(pid, 'SIGTERM');
    console.log(`hub: stopping ${app.name} (pid ${pid})`);
  }
  const deadline = Date.now() + 30_000;
  while (stopping.some(([app]) => runningPid(app)) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 250));
  for (const [app] of stopping) {
    const pid = runningPid(app);
    if (pid) process.kill(pid, 'SIGKILL');
    rmSync(pidFile(app), { force: true });
  }
}

async function status() {
  for (const app of APPS) {
    const pid = runningPid(app);
    const state = pid ? await readiness(app) : 'stopped';
    console.log(
      `${app.name.padEnd(20)} ${String(appPort(app)).padEnd(6)} ${pid ? `pid ${pid}`.padEnd(12) : ''.padEnd(12)} ${state}`,
    );
  }
}

const command = process.argv[2];
try {
  if (command === 'start') await start();
  else if (command === 'restart') {
    await stopApps();
    await start();
  } else if (command === 'stop') {
    await stopApps();
    await stopKafka();
  } else if (command === 'status') await status();
  else {
    console.error('usage: node scripts/hub.mjs start|restart|stop|status');
    process.exit(2);
  }
} catch (error) {
  console.error(`hub: ${error.message}`);
  process.exit(1);
}
