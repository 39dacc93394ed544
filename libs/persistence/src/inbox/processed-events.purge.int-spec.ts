import { createFreshDatabase, createTestDataSource, dropDatabase } from '@rtw/testing';
import type { DataSource } from 'typeorm';
import { pruneProcessedEvents } from './processed-events.purge';

describe('pruneProcessedEvents', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;
  const cutoff = new Date('2030-06-01T00:00:00Z');
  const before = (ms: number) => new Date(cutoff.getTime() - ms);

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    if (database !== undefined) await dropDatabase(database.name);
  });
  beforeEach(() => dataSource.query(`DELETE FROM "processed_events"`));

  const insert = (group: string, eventId: string, at: Date) =>
    dataSource.query(
      `INSERT INTO "processed_events" ("consumer_group", "event_id", "processed_at") VALUES ($1, $2, $3)`,
      [group, eventId, at],
    );
  const remaining = async () =>
    (
      await dataSource.query(
        `SELECT "consumer_group" || '/' || "event_id" AS "key" FROM "processed_events" ORDER BY 1`,
      )
    ).map((row: { key: string }) => row.key);

  it('forgets the keys processed before the cutoff, in chunks, and keeps the newer ones', async () => {
    for (let i = 0; i < 7; i += 1) await insert('monitor', `old-${i}`, before(1000 + i));
    await insert('monitor', 'at-cutoff', cutoff);
    await insert('tracker', 'recent', new Date(cutoff.getTime() + 1000));

    await expect(pruneProcessedEvents(dataSource, { before: cutoff, chunk: 3 })).resolves.toBe(7);
    expect(await remaining()).toEqual(['monitor/at-cutoff', 'tracker/recent']);
  });

  it("limits the purge to one consumer group's keys when asked", async () => {
    await insert('monitor', 'a', before(1000));
    await insert('tracker', 'b', before(1000));

    await expect(
      pruneProcessedEvents(dataSource, { before: cutoff, consumerGroup: 'monitor' }),
    ).resolves.toBe(1);
    expect(await remaining()).toEqual(['tracker/b']);
  });

  it('does nothing the second time (two instances purging at once are safe)', async () => {
    await insert('monitor', 'a', before(1000));
    const results = await Promise.all([
      pruneProcessedEvents(dataSource, { before: cutoff }),
      pruneProcessedEvents(dataSource, { before: cutoff }),
    ]);
    expect(results.sort()).toEqual([0, 1]);
    await expect(pruneProcessedEvents(dataSource, { before: cutoff })).resolves.toBe(0);
  });
});
