import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDataSource } from '@rtw/testing';
import { PostgresTokenReplayGuard } from './postgres-token-replay.guard';

describe('the token replay register on PostgreSQL', () => {
  let dataSource: DataSource;
  let other: DataSource;

  beforeAll(async () => {
    [dataSource, other] = await Promise.all([createTestDataSource(), createTestDataSource()]);
  });
  afterAll(async () => {
    await Promise.all([dataSource.destroy(), other.destroy()]);
  });

  it('lets a token id be claimed once, across two gateway instances', async () => {
    const tokenId = randomUUID();
    const expiresAt = new Date(Date.now() + 60_000);
    const first = new PostgresTokenReplayGuard(dataSource);
    const second = new PostgresTokenReplayGuard(other);

    await expect(first.claim('urn:rtw:org:insurer:100', tokenId, expiresAt)).resolves.toBe(true);
    await expect(second.claim('urn:rtw:org:insurer:100', tokenId, expiresAt)).resolves.toBe(false);
    await expect(second.claim('urn:rtw:org:insurer:200', tokenId, expiresAt)).resolves.toBe(true);
  });

  it('purges ids of tokens expired longer ago than the grace period only', async () => {
    const guard = new PostgresTokenReplayGuard(dataSource);
    const old = randomUUID();
    const recent = randomUUID();
    await guard.claim('urn:rtw:org:insurer:100', old, new Date(Date.now() - 3_600_000));
    await guard.claim('urn:rtw:org:insurer:100', recent, new Date(Date.now() - 1_000));

    await guard.purgeExpired(600);

    const left = await dataSource.query(
      `SELECT "token_id" FROM "ingress_token_ids" WHERE "token_id" = ANY($1)`,
      [[old, recent]],
    );
    expect(left).toEqual([{ token_id: recent }]);
  });
});
