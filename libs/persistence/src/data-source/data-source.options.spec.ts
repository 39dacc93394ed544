import { PersistenceError } from '../errors/persistence.error';
import { PERSISTENCE_MIGRATIONS } from '../migrations/migration.list';
import { createDataSourceOptions } from './data-source.options';
import { PERSISTENCE_ENTITIES } from './entity.list';

const url = 'postgres://hub@db.local:5432/rtw';

describe('createDataSourceOptions', () => {
  it('never synchronizes the schema and lists entities and migrations as classes', () => {
    const options = createDataSourceOptions({ url });
    expect(options.synchronize).toBe(false);
    expect(options.migrationsRun).toBe(false);
    expect(options.entities).toEqual([...PERSISTENCE_ENTITIES]);
    expect(options.migrations).toEqual([...PERSISTENCE_MIGRATIONS]);
    expect((options.entities as unknown[]).every((entity) => typeof entity === 'function')).toBe(
      true,
    );
  });

  it('applies pool size and statement timeout to the driver', () => {
    const options = createDataSourceOptions({ url, poolSize: 3, statementTimeoutMs: 1_500 });
    expect(options.poolSize).toBe(3);
    expect(options.extra).toEqual({ statement_timeout: 1_500 });
  });

  it('appends the app entities and migrations after its own', () => {
    class AppEntity {}
    class AppMigration {
      async up(): Promise<void> {}
      async down(): Promise<void> {}
    }
    const options = createDataSourceOptions({
      url,
      entities: [AppEntity],
      migrations: [AppMigration],
    });
    expect((options.entities as unknown[]).at(-1)).toBe(AppEntity);
    expect((options.migrations as unknown[]).at(-1)).toBe(AppMigration);
  });

  it('rejects a non-postgres URL without echoing it (it may hold a password)', () => {
    const secretUrl = 'mysql://hub:s3cret@db.local/rtw';
    expect(() => createDataSourceOptions({ url: secretUrl })).toThrow(PersistenceError);
    expect(() => createDataSourceOptions({ url: secretUrl })).not.toThrow(/s3cret/);
  });

  it('rejects a pool size that is not a positive whole number', () => {
    expect(() => createDataSourceOptions({ url, poolSize: 0 })).toThrow(/poolSize/);
  });
});
