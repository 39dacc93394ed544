import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');

/** A hub app running as a real child process from its TypeScript sources. */
export interface AppProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote so far (JSON log lines). */
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited(): Promise<number | string>;
  /** Sends a signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

// Every child started here, so none outlives the test process: a test that failed before its own
// cleanup (a timeout) must not leave an app running, holding connections and CPU.
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts an app as a child process with the given environment (on top of the test process's
 * own), on a free port set through `portKey`: the compiled `dist/apps/<name>/src/main.js` when
 * RTW_TEST_APPS_FROM=dist (what `npm test` sets after building, so a start takes seconds even on
 * a busy machine), else `apps/<name>/src/main.ts` through the development loader (a single test
 * run with `npx jest`, no build needed).
 */
export async function startAppProcess(args: {
  name: string;
  portKey: string;
  /** A port chosen beforehand (when other apps must know it before this one starts). */
  port?: number;
  env?: NodeJS.ProcessEnv;
}): Promise<AppProcess> {
  const port = args.port ?? (await freePort());
  const entry =
    process.env['RTW_TEST_APPS_FROM'] === 'dist'
      ? ['--enable-source-maps', join(ROOT, 'dist', 'apps', args.name, 'src', 'main.js')]
      : [
          '-r',
          join(ROOT, 'scripts', 'register-ts.cjs'),
          join(ROOT, 'apps', args.name, 'src', 'main.ts'),
        ];
  // RTW_APP_NODE_ARGS: extra Node flags for the apps only (e.g. `--cpu-prof` to profile a bench).
  const nodeArgs = (process.env['RTW_APP_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    ['--disable-warning=TimeoutNegativeWarning', ...nodeArgs, ...entry],
    {
      cwd: ROOT,
      // The given environment wins, so a test can hand an app a bad port on purpose.
      env: { ...withoutJestNodeOptions(process.env), [args.portKey]: String(port), ...args.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | string>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit(code ?? signal ?? 'unknown')),
  );
  return {
    name: args.name,
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    exited: () => exit,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
}

/** Polls `url` until it answers 200, the process exits, or `timeoutMs` passes; returns the last status. */
export async function waitForStatus(
  app: AppProcess,
  path: string,
  timeoutMs = 90_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let status = 0;
  while (Date.now() < deadline && app.child.exitCode === null) {
    status = await fetch(`${app.url}${path}`, { signal: AbortSignal.timeout(3000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return status;
    await new Promise((r) => setTimeout(r, 500));
  }
  return status;
}

/** Jest's `--experimental-vm-modules` is for Jest itself, not for the apps it starts. */
function withoutJestNodeOptions(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: undefined };
}

/**
 * Polls `<baseUrl>/health/ready` until it answers 200 and every named component (e.g. an
 * optional `kafka-ingress`, which only degrades readiness) reports `up`; rejects after
 * `timeoutMs` with the last answer, so a test that starts an app never races its connections.
 */
export async function waitForReady(
  baseUrl: string,
  options: { timeoutMs?: number; components?: readonly string[] } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/health/ready`, {
        signal: AbortSignal.timeout(5_000),
      });
      const text = await response.text();
      if (response.status === 200 && componentsUp(text, options.components ?? [])) return;
      last = `${response.status} ${text}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline)
      throw new Error(`${baseUrl} not ready within ${timeoutMs} ms; last answer: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function componentsUp(body: string, components: readonly string[]): boolean {
  if (components.length === 0) return true;
  const details = (JSON.parse(body) as { details?: Record<string, { status?: string }> }).details;
  return components.every((name) => details?.[name]?.status === 'up');
}
