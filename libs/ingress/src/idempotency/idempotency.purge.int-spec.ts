import { randomUUID } from 'node:crypto';
import { createFreshDatabase, createTestDataSource, dropDatabase } from '@rtw/testing';
import type { DataSource } from 'typeorm';
import { purgeIdempotencyRecords } from './idempotency.purge';

describe('purgeIdempotencyRecords', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;
  const cutoff = new Date('2030-06-01T00:00:00Z');
  const DAY = 86_400_000;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    if (database !== undefined) await dropDatabase(database.name);
  });

  /** An accepted event's record and its outbox row, published or still pending. */
  async function accepted(eventId: string, acceptedAt: Date, published: boolean): Promise<void> {
    const outboxId = randomUUID();
    await dataSource.query(
      `INSERT INTO "outbox" ("id", "topic", "message_key", "headers", "payload", "bucket", "published_at")
       VALUES ($1, 'rtw.inbound.events.v1', $2, '{}', '\\x00', 0, $3)`,
      [outboxId, randomUUID(), published ? acceptedAt : null],
    );
    await dataSource.query(
      `INSERT INTO "ingress_idempotency" ("source", "event_id", "payload_hash", "event_type",
         "dossier_id", "organisation_id", "channel", "outbox_id", "accepted_at")
       VALUES ('urn:rtw:org:insurer:100', $1, $2, 'be.rtw.dossier.opened', $3, 'insurer:100', 'http', $4, $5)`,
      [eventId, '0'.repeat(64), randomUUID(), outboxId, acceptedAt],
    );
  }
  const remaining = async () =>
    (
      await dataSource.query(`SELECT "event_id" FROM "ingress_idempotency" ORDER BY "event_id"`)
    ).map((row: { event_id: string }) => row.event_id);

  it('forgets the ids accepted before the window, keeps newer ones and those still waiting in the outbox', async () => {
    for (let i = 0; i < 5; i += 1)
      await accepted(`old-${i}`, new Date(cutoff.getTime() - (40 + i) * DAY), true);
    await accepted('old-pending', new Date(cutoff.getTime() - 40 * DAY), false);
    await accepted('recent', new Date(cutoff.getTime() + DAY), true);

    await expect(purgeIdempotencyRecords(dataSource, { before: cutoff, chunk: 2 })).resolves.toBe(
      5,
    );
    expect(await remaining()).toEqual(['old-pending', 'recent']);
    await expect(purgeIdempotencyRecords(dataSource, { before: cutoff })).resolves.toBe(0);
  });
});
