// Handles on the real local PostgreSQL for integration and e2e tests. The shared test database is
// created and migrated once per process; tests that need a pristine schema get a database of
// their own from createFreshDatabase() and drop it afterwards.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  ensureDatabase,
  runMigrations,
  type DataSourceConfig,
} from '@rtw/persistence';

const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rtw_test';
const prepared = new Map<string, Promise<void>>();

/** The shared test database: `TEST_DATABASE_URL`, else `rtw_test` on the local server. */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
}

/** Creates the database if missing and applies the migrations, once per URL and process. */
export function prepareDatabase(url: string = testDatabaseUrl()): Promise<void> {
  let preparation = prepared.get(url);
  if (preparation === undefined) {
    preparation = ensureDatabase(url)
      .then(() => runMigrations(url))
      .then(() => undefined);
    // A failed attempt is not cached: the next test may find the server back.
    preparation.catch(() => prepared.delete(url));
    prepared.set(url, preparation);
  }
  return preparation;
}

/** An initialized DataSource on a prepared database (the shared one by default); destroy it after use. */
export async function createTestDataSource(
  config: Partial<DataSourceConfig> = {},
): Promise<DataSource> {
  const url = config.url ?? testDatabaseUrl();
  await prepareDatabase(url);
  const dataSource = createDataSource({ poolSize: 5, applicationName: 'rtw-test', ...config, url });
  return dataSource.initialize();
}

/** A new, uniquely named database on the test server; migrated unless `migrate: false`. */
export async function createFreshDatabase(
  options: { migrate?: boolean } = {},
): Promise<{ name: string; url: string }> {
  const name = `rtw_test_${randomBytes(6).toString('hex')}`;
  const url = databaseUrl(name);
  await ensureDatabase(url);
  if (options.migrate !== false) await runMigrations(url);
  return { name, url };
}

/** Drops a test database, closing any connection still open on it. */
export async function dropDatabase(name: string): Promise<void> {
  if (!name.startsWith('rtw_test')) {
    throw new Error('dropDatabase only drops test databases (rtw_test*)');
  }
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The URL of another database on the test server. */
function databaseUrl(name: string): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}
