import { randomUUID } from 'node:crypto';
import { createFreshDatabase, createTestDataSource, dropDatabase } from '@rtw/testing';
import type { DataSource } from 'typeorm';
import { purgeDeliveriesOfPurgedDossiers } from './purged-dossiers.purge';

describe('delivery forgetting the dossiers the tracker purged', () => {
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

  async function message(dossierId: string, n: number): Promise<string> {
    const id = `msg-${dossierId}-${n}`;
    await dataSource.query(
      `INSERT INTO "delivery_messages" ("id", "partner", "organisation_id", "dossier_id", "insurer",
         "message_type", "contract", "content_type", "causation_id", "event", "source_topic",
         "source_partition", "source_offset", "status", "received_at", "updated_at")
       VALUES ($1, 'actiris', 'regional:actiris', $2, '100', 'fia', 'actiris/fia.v1',
         'application/xml', $3, '{}', 'rtw.outbound.actiris.v1', 0, $4, 'delivered', now(), now())`,
      [id, dossierId, randomUUID(), String(n)],
    );
    await dataSource.query(
      `INSERT INTO "delivery_attempts" ("message_id", "attempt_no", "round", "organisation_id",
         "partner", "started_at", "latency_ms", "outcome", "http_status", "request")
       VALUES ($1, 1, 1, 'regional:actiris', 'actiris', now(), 12, 'delivered', 202, '{}')`,
      [id],
    );
    return id;
  }

  const count = async (table: string, dossierId: string) => {
    const column = table === 'delivery_messages' ? 'dossier_id' : 'message_id';
    const [row] = await dataSource.query(
      table === 'delivery_messages'
        ? `SELECT count(*)::int AS n FROM "delivery_messages" WHERE "${column}" = $1`
        : `SELECT count(*)::int AS n FROM "${table}" WHERE "message_id" LIKE $1`,
      [table === 'delivery_messages' ? dossierId : `msg-${dossierId}-%`],
    );
    return row.n as number;
  };

  it('deletes every message, attempt and replay item of a purged dossier and nothing of a live one', async () => {
    const purged = randomUUID();
    const live = randomUUID();
    for (let n = 0; n < 3; n += 1) await message(purged, n);
    await message(live, 0);
    const replayId = randomUUID();
    await dataSource.query(
      `INSERT INTO "delivery_replays" ("id", "requested_at", "actor_organisation", "actor_subject",
         "reason", "dry_run", "selection", "matched", "requeued", "refused")
       VALUES ($1, now(), 'support:rtw', 'operator-1', 'test', false, '{}', 1, 1, 0)`,
      [replayId],
    );
    await dataSource.query(
      `INSERT INTO "delivery_replay_items" ("replay_id", "message_id", "verdict")
       VALUES ($1, $2, 'requeued')`,
      [replayId, `msg-${purged}-0`],
    );
    await dataSource.query(
      `INSERT INTO "dossier_purges" ("dossier_id", "insurer", "retention_until", "purged_at")
       VALUES ($1, '100', '2029-12-31', now())`,
      [purged],
    );

    expect(await purgeDeliveriesOfPurgedDossiers(dataSource)).toBe(3);

    expect([
      await count('delivery_messages', purged),
      await count('delivery_attempts', purged),
      await count('delivery_replay_items', purged),
    ]).toEqual([0, 0, 0]);
    expect([
      await count('delivery_messages', live),
      await count('delivery_attempts', live),
    ]).toEqual([1, 1]);
    // The replay's own audit (who replayed, why) stays; it names no dossier.
    const [replay] = await dataSource.query(`SELECT "id" FROM "delivery_replays" WHERE "id" = $1`, [
      replayId,
    ]);
    expect(replay).toEqual({ id: replayId });
    // Running again finds nothing more.
    expect(await purgeDeliveriesOfPurgedDossiers(dataSource)).toBe(0);
  });
});
