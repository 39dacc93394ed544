import { DataSource } from 'typeorm';
import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import { PersistenceError } from '../errors/persistence.error';
import { parseDatabaseUrl } from '../database/database-url.util';
import { PERSISTENCE_MIGRATIONS } from '../migrations/migration.list';
import { PERSISTENCE_ENTITIES } from './entity.list';

/** An entity class (decorated with `@Entity`). */
export type EntityClass = new (...args: never[]) => object;

/** A migration class. */
export type MigrationClass = new () => MigrationInterface;

/** What an app chooses about its database connection; everything but the URL has a default. */
export interface DataSourceConfig {
  /** `postgres://user@host:port/database`. */
  url: string;
  /** Maximum connections in the pool (default 10). */
  poolSize?: number;
  /** Server-side cap on any one statement, in milliseconds (default 30 s; 0 disables it). */
  statementTimeoutMs?: number;
  /** How long to wait for a new connection, in milliseconds (default 5 s). */
  connectTimeoutMs?: number;
  /** Shown in `pg_stat_activity`, to tell the apps apart (default `rtw-hub`). */
  applicationName?: string;
  /** Entities of the calling app, added to the persistence lib's own. */
  entities?: readonly EntityClass[];
  /** Migrations of the calling app, run after the persistence lib's own. */
  migrations?: readonly MigrationClass[];
  /** Log every SQL statement with its parameters (local debugging only: they may hold personal data). */
  logSql?: boolean;
}

const DEFAULTS = { poolSize: 10, statementTimeoutMs: 30_000, connectTimeoutMs: 5_000 };

/** Builds TypeORM options for PostgreSQL: explicit entity and migration classes, never `synchronize`. */
export function createDataSourceOptions(config: DataSourceConfig): DataSourceOptions {
  parseDatabaseUrl(config.url);
  const statementTimeoutMs = config.statementTimeoutMs ?? DEFAULTS.statementTimeoutMs;
  return {
    type: 'postgres',
    url: config.url,
    poolSize: positive(config.poolSize ?? DEFAULTS.poolSize, 'poolSize'),
    connectTimeoutMS: positive(
      config.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
      'connectTimeoutMs',
    ),
    applicationName: config.applicationName ?? 'rtw-hub',
    // Passed to node-postgres: the server aborts any statement that runs longer.
    extra: { statement_timeout: nonNegative(statementTimeoutMs, 'statementTimeoutMs') },
    entities: [...PERSISTENCE_ENTITIES, ...(config.entities ?? [])],
    migrations: [...PERSISTENCE_MIGRATIONS, ...(config.migrations ?? [])],
    // Each migration commits on its own, so a failure leaves the earlier ones applied and recorded.
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Schema objects come only from migrations, extensions included.
    installExtensions: false,
    // Off by default, errors included: TypeORM logs a failed query with its parameters, which
    // may hold personal data. Failures surface as exceptions to the caller instead.
    logging: config.logSql === true ? ['query', 'error'] : false,
  };
}

/** A DataSource built from `createDataSourceOptions`, not yet initialized. */
export function createDataSource(config: DataSourceConfig): DataSource {
  return new DataSource(createDataSourceOptions(config));
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw invalidOption(name);
  return value;
}

function nonNegative(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 0) throw invalidOption(name);
  return value;
}

function invalidOption(name: string): PersistenceError {
  return new PersistenceError({
    code: 'PERSISTENCE_INVALID_CONFIG',
    message: `The data source option ${name} must be a whole number`,
  });
}
