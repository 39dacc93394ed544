import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createFreshDatabase,
  createTestDataSource,
  dropDatabase,
  createDossierRelationsStandIn,
} from '@rtw/testing';
import { TableRelationRegister } from './table-relation.register';

describe('the temporary relation register reading dossier_relations', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  it('refuses every partner while the tracker has not created the table, and says so', async () => {
    let missing = 0;
    const register = new TableRelationRegister(dataSource, () => (missing += 1));
    await expect(
      register.isReferredTo(randomUUID(), { kind: 'regional', code: 'vdab' }),
    ).resolves.toBe(false);
    expect(missing).toBe(1);
  });

  it('finds a current referral once the table exists, and ignores ended ones', async () => {
    await createDossierRelationsStandIn(dataSource);
    const [current, ended] = [randomUUID(), randomUUID()];
    await dataSource.query(
      `INSERT INTO "dossier_relations" VALUES ($1, 'regional', 'vdab', NULL), ($2, 'regional', 'vdab', now())`,
      [current, ended],
    );
    const register = new TableRelationRegister(dataSource);

    await expect(register.isReferredTo(current, { kind: 'regional', code: 'vdab' })).resolves.toBe(
      true,
    );
    await expect(register.isReferredTo(current, { kind: 'regional', code: 'forem' })).resolves.toBe(
      false,
    );
    await expect(register.isReferredTo(ended, { kind: 'regional', code: 'vdab' })).resolves.toBe(
      false,
    );
  });
});
