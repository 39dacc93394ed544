import { NestFactory } from '@nestjs/core';
import type { INestApplication, Type } from '@nestjs/common';
import {
  ConfigError,
  HUB_CONFIG_SPEC,
  appPort,
  createLogger,
  errorCode,
  loadConfig,
  startProcessMetrics,
  type ConfigSpec,
  type Logger,
} from '@rtw/platform';
import type { Topology } from '@rtw/messaging';
import type { EntityClass } from '@rtw/persistence';
import { NestPinoLogger } from '../logging/nest-logger';
import { HubRuntimeModule } from './hub-runtime.module';
import type { HubConfig } from './tokens';

/** How an app's `main.ts` describes itself. */
export interface HubAppDefinition {
  /** Process name: logs, metrics, Kafka client id. */
  app: string;
  feature: Type<unknown>;
  /** Environment variable of the HTTP port, e.g. `GATEWAY_PORT`, and its default. */
  port: { key: string; default: number };
  /** App-specific configuration fields, validated with the shared ones. */
  configSpec?: ConfigSpec;
  kafka?: boolean;
  database?: boolean;
  /** TypeORM entities of the app, added to the persistence lib's own (migrations stay central). */
  entities?: readonly EntityClass[];
  /** Topics the process creates at start; the fixed topics of the hub unless given. */
  topology?: (config: HubConfig) => Topology;
  /**
   * Let the framework parse JSON and form bodies (default true). An app that reads its request
   * bodies itself (the gateway: size limits, strict JSON) turns it off, so that no body is read
   * under rules other than its own.
   */
  bodyParser?: boolean;
}

/** Exit code of a process refused for bad configuration (EX_CONFIG), so supervisors can tell. */
export const EXIT_CONFIG = 78;

/**
 * Loads and validates the configuration, builds the Nest application with the shared runtime,
 * serves HTTP, and shuts down gracefully on SIGTERM/SIGINT (stop consuming, finish in-flight work,
 * commit, close), forcing exit after SHUTDOWN_GRACE_MS. Bad configuration: one log line naming
 * every bad key, exit 78.
 */
export async function runHubApp(
  definition: HubAppDefinition,
  env = process.env,
): Promise<INestApplication | undefined> {
  const config = readConfig(definition, env);
  if (!config) {
    process.exitCode = EXIT_CONFIG;
    return undefined;
  }
  const logger = createLogger({ app: definition.app, level: config.LOG_LEVEL });
  let app: INestApplication | undefined;
  try {
    app = await createHubApp(definition, config, logger);
    stopOnSignals(app, config, logger);
    await app.listen(config.port, config.HTTP_HOST);
    logger.info({ port: config.port, host: config.HTTP_HOST }, `${definition.app} listening`);
    return app;
  } catch (error) {
    // A port already taken, an unusable data file, a wiring mistake: say so in one structured
    // line and exit, rather than linger with background connections and no server. A
    // configuration problem found while wiring (a ConfigError) exits 78 like one found at boot.
    const exitCode = error instanceof ConfigError ? EXIT_CONFIG : 1;
    logger.fatal({ err: error, code: errorCode(error) }, `${definition.app} could not start`);
    await app?.close().catch(() => undefined);
    process.exit(exitCode);
  }
}

/** Builds (without listening) the Nest application of a hub process; tests use it directly. */
export async function createHubApp(
  definition: HubAppDefinition,
  config: HubConfig,
  logger: Logger,
): Promise<INestApplication> {
  startProcessMetrics(definition.app);
  const root = HubRuntimeModule.register({
    config,
    logger,
    feature: definition.feature,
    kafka: definition.kafka,
    database: definition.database,
    entities: definition.entities,
    topology: definition.topology?.(config),
  });
  return NestFactory.create(root, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
    bodyParser: definition.bodyParser ?? true,
  });
}

/** Validates the environment; on failure writes one structured line naming the bad keys. */
export function readConfig(
  definition: HubAppDefinition,
  env: NodeJS.ProcessEnv,
): HubConfig | undefined {
  const spec = {
    ...HUB_CONFIG_SPEC,
    [definition.port.key]: appPort(definition.port.default),
    ...definition.configSpec,
  };
  try {
    const loaded = loadConfig(spec, env) as Record<string, unknown>;
    if (loaded['NODE_ENV'] === 'production' && loaded['TEST_CLOCK_CONTROL'] === true) {
      throw new ConfigError([
        { key: 'TEST_CLOCK_CONTROL', reason: 'is refused when NODE_ENV=production' },
      ]);
    }
    return { ...loaded, app: definition.app, port: loaded[definition.port.key] } as HubConfig;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    createLogger({ app: definition.app }).fatal(
      { code: error.code, problems: error.problems },
      `${definition.app} refused to start: ${error.problems.length} invalid configuration key(s)`,
    );
    return undefined;
  }
}

/**
 * SIGTERM/SIGINT: `app.close()` runs the Nest lifecycle (consumers stop fetching and finish and
 * commit in-flight work in `onModuleDestroy`; connections close in `onApplicationShutdown`), then
 * the process exits 0. If that takes longer than SHUTDOWN_GRACE_MS it exits 1 anyway.
 */
function stopOnSignals(app: INestApplication, config: HubConfig, logger: Logger): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info(
      { signal, graceMs: config.SHUTDOWN_GRACE_MS },
      'stopping: finishing in-flight work',
    );
    setTimeout(() => {
      logger.error(
        { graceMs: config.SHUTDOWN_GRACE_MS },
        'in-flight work did not finish in time; exiting',
      );
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS).unref();
    try {
      await app.close();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}
