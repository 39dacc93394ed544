import { Test } from '@nestjs/testing';
import { prepareDatabase, testDatabaseUrl } from '@rtw/testing';
import { DataSource } from 'typeorm';
import { checkDatabase } from '../data-source/database.health';
import { OutboxWriter } from '../outbox/outbox.writer';
import { PersistenceModule } from './persistence.module';

describe('PersistenceModule', () => {
  beforeAll(async () => {
    await prepareDatabase();
  });

  it('provides an initialized DataSource and an OutboxWriter, and closes the pool on shutdown', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [PersistenceModule.forRoot({ url: testDatabaseUrl(), poolSize: 2 })],
    }).compile();
    await moduleRef.init();
    const dataSource = moduleRef.get(DataSource);

    expect(await checkDatabase(dataSource)).toMatchObject({ status: 'up' });
    expect(moduleRef.get(OutboxWriter)).toBeInstanceOf(OutboxWriter);
    expect(dataSource.options).toMatchObject({ synchronize: false, poolSize: 2 });

    await moduleRef.close();
    expect(dataSource.isInitialized).toBe(false);
  });

  it('builds the configuration through an injected factory with forRootAsync', async () => {
    const CONFIG = Symbol('config');
    const moduleRef = await Test.createTestingModule({
      imports: [
        PersistenceModule.forRootAsync({
          imports: [
            {
              module: class ConfigModule {},
              providers: [{ provide: CONFIG, useValue: { databaseUrl: testDatabaseUrl() } }],
              exports: [CONFIG],
            },
          ],
          inject: [CONFIG],
          useFactory: (config: { databaseUrl: string }) => ({
            url: config.databaseUrl,
            applicationName: 'rtw-module-test',
          }),
        }),
      ],
    }).compile();
    await moduleRef.init();
    try {
      const [row] = await moduleRef
        .get(DataSource)
        .query('SELECT current_setting($1) AS name', ['application_name']);
      expect(row.name).toBe('rtw-module-test');
    } finally {
      await moduleRef.close();
    }
  });
});
