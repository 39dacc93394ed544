import { randomUUID } from 'node:crypto';
import { createFreshDatabase, createTestDataSource, dropDatabase } from '@rtw/testing';
import type { DataSource } from 'typeorm';
import { bucketOf } from './outbox.bucket';
import { OutboxWriter } from './outbox.writer';

describe('OutboxWriter', () => {
  const writer = new OutboxWriter();
  let database: { name: string; url: string };
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (database !== undefined) await dropDatabase(database.name);
  });

  it('stores the messages in the given order with their bucket, headers and bytes', async () => {
    const id = randomUUID();
    const ids = await dataSource.transaction((manager) =>
      writer.add(manager, [
        { id, topic: 't', key: 'd-1', value: 'first', headers: { ce_id: 'e-1' } },
        { topic: 't', key: 'd-2', value: Buffer.from([0, 255]) },
      ]),
    );

    const rows = await dataSource.query(
      `SELECT id, message_key, bucket, headers, payload, attempts, published_at
       FROM outbox WHERE id = ANY($1::uuid[]) ORDER BY seq`,
      [ids],
    );
    expect(ids[0]).toBe(id);
    expect(rows).toEqual([
      {
        id,
        message_key: 'd-1',
        bucket: bucketOf('d-1'),
        headers: { ce_id: 'e-1' },
        payload: Buffer.from('first'),
        attempts: 0,
        published_at: null,
      },
      {
        id: ids[1],
        message_key: 'd-2',
        bucket: bucketOf('d-2'),
        headers: {},
        payload: Buffer.from([0, 255]),
        attempts: 0,
        published_at: null,
      },
    ]);
  });

  it('refuses to write outside a transaction, where the row would not commit with the state change', async () => {
    await expect(
      writer.add(dataSource.manager, [{ topic: 't', key: 'd-3', value: 'x' }]),
    ).rejects.toMatchObject({ code: 'PERSISTENCE_TRANSACTION_REQUIRED' });
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE message_key = 'd-3'`,
    );
    expect(row.n).toBe(0);
  });
});
