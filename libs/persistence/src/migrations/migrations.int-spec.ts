import { createFreshDatabase, dropDatabase } from '@rtw/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source/data-source.options';
import { PERSISTENCE_MIGRATIONS } from './migration.list';

describe('migrations on a fresh database', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createFreshDatabase({ migrate: false });
    dataSource = await createDataSource({ url: database.url, poolSize: 2 }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (database !== undefined) await dropDatabase(database.name);
  });

  // Every table the migrations own, in name order (plus TypeORM's own `migrations`).
  const ALL_TABLES = [
    'connector_dossier_views',
    'connector_processed_events',
    'delivery_attempts',
    'delivery_control_audit',
    'delivery_messages',
    'delivery_organisation_controls',
    'delivery_replay_items',
    'delivery_replays',
    'dossier_access_audit',
    'dossier_consents',
    'dossier_deadlines',
    'dossier_deliveries',
    'dossier_events',
    'dossier_purges',
    'dossier_refusals',
    'dossier_relations',
    'dossiers',
    'inami_dataset_chunks',
    'inami_dataset_schedule',
    'inami_dataset_versions',
    'ingress_audit',
    'ingress_idempotency',
    'ingress_token_ids',
    'migrations',
    'monitor_console_audit',
    'outbox',
    'outbox_attempts',
    'processed_events',
    'subject_access_audit',
  ];

  async function tables(): Promise<string[]> {
    const rows: Array<{ table_name: string }> = await dataSource.query(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return rows.map((row) => row.table_name);
  }

  async function outboxIndexes(): Promise<string[]> {
    const rows: Array<{ indexname: string }> = await dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'outbox' ORDER BY indexname`,
    );
    return rows.map((row) => row.indexname);
  }

  it('creates every table going up, removes them all going down, and creates them again', async () => {
    const firstRun = await dataSource.runMigrations({ transaction: 'each' });
    expect(firstRun.map((migration) => migration.name)).toEqual(
      PERSISTENCE_MIGRATIONS.map((migration) => migration.name),
    );
    expect(await tables()).toEqual(ALL_TABLES);
    expect(await outboxIndexes()).toEqual([
      'outbox_id_key',
      'outbox_pending_idx',
      'outbox_pending_seq_idx',
      'outbox_pkey',
      'outbox_published_at_idx',
    ]);

    for (let i = 0; i < PERSISTENCE_MIGRATIONS.length; i += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(await tables()).toEqual(['migrations']);
    expect(await dataSource.query('SELECT name FROM migrations')).toEqual([]);

    const secondRun = await dataSource.runMigrations({ transaction: 'each' });
    expect(secondRun).toHaveLength(PERSISTENCE_MIGRATIONS.length);
    expect(await tables()).toEqual(ALL_TABLES);
  });

  it('leaves no difference between the entity classes and the migrated schema', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
