import { randomUUID } from 'node:crypto';
import { createFreshDatabase, createTestDataSource, dropDatabase } from '@rtw/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { PersistenceError } from '../errors/persistence.error';
import { processOnce } from './process-once.helper';

describe('processOnce', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    await dataSource.query('CREATE TABLE side_effects (event_id text NOT NULL)');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (database !== undefined) await dropDatabase(database.name);
  });

  const newKey = () => ({ consumerGroup: `group-${randomUUID()}`, eventId: randomUUID() });

  async function recordEffect(manager: EntityManager, eventId: string): Promise<string> {
    await manager.query('INSERT INTO side_effects (event_id) VALUES ($1)', [eventId]);
    return 'done';
  }

  async function effectsOf(eventId: string): Promise<number> {
    const [row] = await dataSource.query(
      'SELECT count(*)::int AS n FROM side_effects WHERE event_id = $1',
      [eventId],
    );
    return row.n;
  }

  async function markersOf(key: { consumerGroup: string; eventId: string }): Promise<number> {
    const [row] = await dataSource.query(
      'SELECT count(*)::int AS n FROM processed_events WHERE consumer_group = $1 AND event_id = $2',
      [key.consumerGroup, key.eventId],
    );
    return row.n;
  }

  it('runs the work once and reports the redelivered event as a duplicate', async () => {
    const key = newKey();
    const work = jest.fn((manager: EntityManager) => recordEffect(manager, key.eventId));

    await expect(processOnce(dataSource, key, work)).resolves.toEqual({
      duplicate: false,
      result: 'done',
    });
    await expect(processOnce(dataSource, key, work)).resolves.toEqual({ duplicate: true });

    expect(work).toHaveBeenCalledTimes(1);
    expect(await effectsOf(key.eventId)).toBe(1);
    expect(await markersOf(key)).toBe(1);
  });

  it('rolls back the marker and the partial work when the work throws, so a redelivery runs it again', async () => {
    const key = newKey();
    const failing = async (manager: EntityManager) => {
      await recordEffect(manager, key.eventId);
      throw new Error('handler failed after writing');
    };

    await expect(processOnce(dataSource, key, failing)).rejects.toThrow(
      'handler failed after writing',
    );
    expect(await markersOf(key)).toBe(0);
    expect(await effectsOf(key.eventId)).toBe(0);

    await expect(
      processOnce(dataSource, key, (manager) => recordEffect(manager, key.eventId)),
    ).resolves.toEqual({ duplicate: false, result: 'done' });
    expect(await effectsOf(key.eventId)).toBe(1);
  });

  it('processes the same event once per consumer group', async () => {
    const eventId = randomUUID();
    const work = (manager: EntityManager) => recordEffect(manager, eventId);

    const first = await processOnce(dataSource, { consumerGroup: 'tracker', eventId }, work);
    const second = await processOnce(dataSource, { consumerGroup: 'monitor', eventId }, work);

    expect([first.duplicate, second.duplicate]).toEqual([false, false]);
    expect(await effectsOf(eventId)).toBe(2);
  });

  it('runs the work once when two deliveries of one event race each other', async () => {
    const key = newKey();
    const work = jest.fn(async (manager: EntityManager) => {
      await manager.query('SELECT pg_sleep(0.2)');
      return recordEffect(manager, key.eventId);
    });

    const results = await Promise.all([
      processOnce(dataSource, key, work),
      processOnce(dataSource, key, work),
    ]);

    expect(results.map((result) => result.duplicate).sort()).toEqual([false, true]);
    expect(work).toHaveBeenCalledTimes(1);
    expect(await effectsOf(key.eventId)).toBe(1);
  });

  it('rejects an empty event id before touching the database', async () => {
    const work = jest.fn(async () => 'never');
    const attempt = processOnce(dataSource, { consumerGroup: 'tracker', eventId: '' }, work);

    await expect(attempt).rejects.toBeInstanceOf(PersistenceError);
    await expect(attempt).rejects.toMatchObject({ code: 'PERSISTENCE_INVALID_INBOX_KEY' });
    expect(work).not.toHaveBeenCalled();
  });
});
