import { Client } from 'pg';
import { createDataSource, type DataSourceConfig } from '../data-source/data-source.options';
import { connectOrThrow } from './admin-client.util';
import { splitDatabaseUrl } from './database-url.util';
import { LOCK_NAMESPACE } from './lock-keys.constant';
import { withSessionLock } from './session-lock.util';

/** Creates the database named in `url` when it does not exist yet; safe to call concurrently. */
export async function ensureDatabase(url: string): Promise<{ created: boolean }> {
  const { database, maintenanceUrl } = splitDatabaseUrl(url);
  const client = new Client({ connectionString: maintenanceUrl, application_name: 'rtw-admin' });
  await connectOrThrow(client);
  const exists = async () =>
    (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount !== 0;
  try {
    if (await exists()) return { created: false };
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      return { created: true };
    } catch (error) {
      // A concurrent CREATE won the race (PostgreSQL reports 42P04 or a unique violation on
      // pg_database, depending on timing): the database exists, which is all we want.
      if (await exists()) return { created: false };
      throw error;
    }
  } finally {
    await client.end();
  }
}

/**
 * Applies the pending migrations (the lib's own plus `extra.migrations`); returns the names of
 * those applied now (empty when the schema was already up to date).
 * Idempotent, and serialised across processes by an advisory lock because TypeORM has none.
 */
export async function runMigrations(
  url: string,
  extra: Pick<DataSourceConfig, 'migrations' | 'entities'> = {},
): Promise<string[]> {
  return withSessionLock(url, { namespace: LOCK_NAMESPACE.migrations, id: 0 }, async () => {
    const dataSource = createDataSource({
      url,
      ...extra,
      poolSize: 2,
      // Index builds on big tables may legitimately take long.
      statementTimeoutMs: 0,
      applicationName: 'rtw-migrations',
    });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  });
}
