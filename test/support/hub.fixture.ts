// FOR END-TO-END TESTS: the hub as processes (compiled apps when npm test runs) on the real broker
// and a database of its own: gateway, tracker, delivery, the three connectors and the partner
// sandbox playing every partner, wired the way hub:start wires them, with generated trust (JWT keys
// for the insurers and the partners) and a delivery directory pointing at the sandbox's port.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  createFreshDatabase,
  createTestDataSource,
  createTestTrust,
  dropDatabase,
  freePort,
  kafkaBrokers,
  startAppProcess,
  uniqueGroupId,
  waitForReady,
  type AppProcess,
  type TestTrust,
} from '@rtw/testing';

const ROOT = resolve(__dirname, '..', '..');

/** The apps a test needs besides the gateway and the tracker (always started). */
export type OptionalApp =
  | 'delivery'
  | 'actiris-connector'
  | 'regional-connector'
  | 'cpmt-connector'
  | 'partner-sandbox'
  | 'monitor'
  | 'inami-evaluation';

/** A running hub. */
export interface RunningHub {
  readonly trust: TestTrust;
  readonly db: DataSource;
  readonly apps: Readonly<Record<string, AppProcess>>;
  url(app: string): string;
  /** Bearer header of an organisation (`insurer:100`, `regional:actiris`…). */
  bearer(organisation: string): Promise<string>;
  stop(): Promise<Record<string, number | string>>;
}

const PORT_KEYS: Record<string, string> = {
  gateway: 'GATEWAY_PORT',
  tracker: 'TRACKER_PORT',
  delivery: 'DELIVERY_PORT',
  'partner-sandbox': 'PARTNER_SANDBOX_PORT',
  'actiris-connector': 'ACTIRIS_CONNECTOR_PORT',
  'regional-connector': 'REGIONAL_CONNECTOR_PORT',
  'cpmt-connector': 'CPMT_CONNECTOR_PORT',
  monitor: 'MONITOR_PORT',
  'inami-evaluation': 'INAMI_EVALUATION_PORT',
};

/** The development delivery directory, its endpoints moved to the sandbox's port and paths made absolute. */
function deliveryDirectory(dir: string, sandboxPort: number, retryDelays?: string[]): string {
  const source = join(ROOT, 'config', 'partners.json');
  const directory = JSON.parse(
    readFileSync(source, 'utf8')
      .replaceAll('127.0.0.1:3004', `127.0.0.1:${sandboxPort}`)
      .replaceAll('"file:keys/', `"file:${join(ROOT, 'config', 'keys')}/`),
  ) as { defaults: { retrySchedule: { delays: string[] } } };
  if (retryDelays) directory.defaults.retrySchedule.delays = retryDelays;
  const file = join(dir, 'partners.json');
  writeFileSync(file, JSON.stringify(directory, null, 2));
  return file;
}

/**
 * Starts the hub. Every app gets its own consumer group (the broker is shared with other tests)
 * and the same fresh database; `retryDelays` shortens delivery's retry schedule for fault tests,
 * `sandboxScripts` replaces the sandbox's answer scripts.
 */
export async function startHub(
  options: {
    apps?: readonly OptionalApp[];
    retryDelays?: string[];
    sandboxScripts?: Record<string, unknown>;
    env?: Record<string, string>;
    /** Ports chosen by the test (the monitor's, registered at a test OpenID provider first). */
    ports?: Partial<Record<string, number>>;
    /** The monitor's own settings (its OpenID provider, secrets). */
    monitorEnv?: Record<string, string>;
  } = {},
): Promise<RunningHub> {
  const trust = await createTestTrust({
    organisations: [
      { kind: 'insurer', code: '100' },
      { kind: 'insurer', code: '200' },
      { kind: 'cpmt', code: '0403170701' },
      { kind: 'cpmt', code: '0412345614' },
      { kind: 'regional', code: 'actiris' },
      { kind: 'regional', code: 'vdab' },
      { kind: 'regional', code: 'forem' },
      { kind: 'regional', code: 'adg' },
      { kind: 'inami', code: 'inami' },
      // The monitor signs the support tokens it calls the tracker and delivery with as this one.
      { kind: 'support', code: 'hub-support' },
    ],
  });
  const database = await createFreshDatabase();
  const db = await createTestDataSource({ url: database.url });
  const dir = mkdtempSync(join(tmpdir(), 'rtw-hub-'));
  const wanted = options.apps ?? [
    'delivery',
    'actiris-connector',
    'regional-connector',
    'cpmt-connector',
    'partner-sandbox',
  ];
  const ports = new Map<string, number>();
  for (const app of ['gateway', 'tracker', ...wanted])
    ports.set(app, options.ports?.[app] ?? (await freePort()));
  const url = (app: string) => `http://127.0.0.1:${ports.get(app)}`;
  const common = {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_TOPIC_PARTITIONS: '3',
    LOG_LEVEL: 'warn',
    BACKGROUND_RETRY_MAX_MS: '2000',
    ...options.env,
  };
  const group = (name: string) => uniqueGroupId(name);
  const scriptsFile = join(dir, 'sandbox-scripts.json');
  if (options.sandboxScripts) writeFileSync(scriptsFile, JSON.stringify(options.sandboxScripts));
  const envOf: Record<string, Record<string, string>> = {
    gateway: { GATEWAY_ORGANISATIONS_FILE: trust.file, GATEWAY_KAFKA_INGRESS: 'false' },
    tracker: {
      TRACKER_GROUP_ID: group('hub-tracker'),
      TRACKER_DEADLINE_SCAN_MS: '500',
      TRACKER_ORGANISATIONS_FILE: trust.file,
    },
    delivery: {
      DELIVERY_PARTNERS_FILE: deliveryDirectory(
        dir,
        ports.get('partner-sandbox') ?? 3004,
        options.retryDelays,
      ),
      DELIVERY_ORGANISATIONS_FILE: trust.file,
      DELIVERY_GROUP_ID: group('hub-delivery'),
    },
    'actiris-connector': { ACTIRIS_CONNECTOR_GROUP_ID: group('hub-actiris') },
    'regional-connector': { REGIONAL_CONNECTOR_GROUP_ID: group('hub-regional') },
    'cpmt-connector': { CPMT_CONNECTOR_GROUP_ID: group('hub-cpmt') },
    'inami-evaluation': {
      INAMI_PSEUDONYM_SECRET: 'development-only-inami-pseudonym-secret-for-tests',
      INAMI_RECEIPTS_GROUP_ID: group('hub-inami-receipts'),
      // The yearly schedule follows the real date; tests of it move their own clock (ADR 0108).
      INAMI_SCHEDULE_ENABLED: 'false',
    },
    'partner-sandbox': {
      PARTNER_SANDBOX_GATEWAY_URL: url('gateway'),
      PARTNER_SANDBOX_SIGNING_KEYS_FILE: trust.signingKeysFile,
      PARTNER_SANDBOX_SECRETS_DIR: join(ROOT, 'config', 'keys', 'dev-partner-secrets'),
      PARTNER_SANDBOX_CALLBACK_DELAY_MS: '100',
      ...(options.sandboxScripts ? { PARTNER_SANDBOX_SCRIPTS_FILE: scriptsFile } : {}),
    },
    monitor: {
      MONITOR_PUBLIC_URL: url('monitor'),
      MONITOR_TRACKER_URL: url('tracker'),
      MONITOR_DELIVERY_URL: url('delivery'),
      MONITOR_SUPPORT_SIGNING_KEYS_FILE: trust.signingKeysFile,
      ...options.monitorEnv,
    },
  };
  const apps: Record<string, AppProcess> = {};
  await Promise.all(
    [...ports.keys()].map(async (name) => {
      apps[name] = await startAppProcess({
        name,
        portKey: PORT_KEYS[name]!,
        port: ports.get(name)!,
        env: { ...common, ...envOf[name] },
      });
    }),
  );
  try {
    await Promise.all(
      Object.entries(apps).map(([name, app]) =>
        waitForReady(app.url, { timeoutMs: 300_000 }).catch((error: unknown) => {
          throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
        }),
      ),
    );
  } catch (error) {
    for (const app of Object.values(apps)) await app.stop('SIGKILL');
    const logs = Object.entries(apps).map(([name, app]) => `${name}: ${app.output().slice(-2000)}`);
    throw new Error(`${(error as Error).message}\n${logs.join('\n')}`, { cause: error });
  }
  return {
    trust,
    db,
    apps,
    url,
    bearer: async (organisation) => `Bearer ${await trust.sign(organisation)}`,
    stop: async () => {
      const codes: Record<string, number | string> = {};
      await Promise.all(
        Object.entries(apps).map(async ([name, app]) => (codes[name] = await app.stop('SIGTERM'))),
      );
      await db.destroy();
      await dropDatabase(database.name);
      return codes;
    },
  };
}
