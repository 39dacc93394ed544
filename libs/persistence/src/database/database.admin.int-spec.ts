import { randomBytes } from 'node:crypto';
import { dropDatabase, testDatabaseUrl } from '@rtw/testing';
import { Client } from 'pg';
import { PersistenceError } from '../errors/persistence.error';
import { PERSISTENCE_MIGRATIONS } from '../migrations/migration.list';
import { ensureDatabase, runMigrations } from './database.admin';

function urlOf(name: string): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function tablesIn(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    return rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

describe('ensureDatabase and runMigrations', () => {
  const name = `rtw_test_admin_${randomBytes(4).toString('hex')}`;
  const url = urlOf(name);

  afterAll(async () => {
    await dropDatabase(name);
  });

  it('creates a missing database exactly once, even when called concurrently', async () => {
    const results = await Promise.all([
      ensureDatabase(url),
      ensureDatabase(url),
      ensureDatabase(url),
    ]);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    await expect(ensureDatabase(url)).resolves.toEqual({ created: false });
  });

  it('applies each migration once when several processes migrate at the same time', async () => {
    const runs = await Promise.all([runMigrations(url), runMigrations(url)]);
    const applied = runs.flat();
    expect(applied.sort()).toEqual(
      PERSISTENCE_MIGRATIONS.map((migration) => migration.name).sort(),
    );
    await expect(runMigrations(url)).resolves.toEqual([]);
    // The full, exact table list is asserted by the migrations test; here: the schema is there once.
    expect(await tablesIn(url)).toEqual(
      expect.arrayContaining(['migrations', 'outbox', 'processed_events']),
    );
  });

  it('reports an unreachable server as a retriable error that does not echo the URL', async () => {
    const attempt = ensureDatabase('postgres://postgres:s3cret@127.0.0.1:1/rtw_test_unreachable');
    await expect(attempt).rejects.toBeInstanceOf(PersistenceError);
    await expect(attempt).rejects.toMatchObject({
      code: 'PERSISTENCE_DATABASE_UNAVAILABLE',
      retriable: true,
    });
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});
