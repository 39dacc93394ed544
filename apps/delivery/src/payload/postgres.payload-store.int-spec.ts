import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createFreshDatabase, createTestDataSource, dropDatabase } from '@rtw/testing';
import { PayloadError } from './payload-store.port';
import { PostgresPayloadStore } from './postgres.payload-store';

describe('the payload store of INAMI datasets', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let store: PostgresPayloadStore;
  const id = randomUUID();

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    store = new PostgresPayloadStore(dataSource);
    // A frozen version as inami-evaluation stores it: the row and its chunks in one transaction.
    await dataSource.transaction(async (manager) => {
      for (const [seq, text] of ['<a>', 'b', '</a>'].entries()) {
        await manager.query(
          `INSERT INTO "inami_dataset_chunks" ("version_id", "form", "seq", "bytes") VALUES ($1, 'xml', $2, $3)`,
          [id, seq, Buffer.from(text)],
        );
      }
      await manager.query(
        `INSERT INTO "inami_dataset_versions" ("id", "insurer", "year", "version", "frozen_at",
           "frozen_by", "events_at_freeze", "dossiers_read", "trajectories_counted", "findings",
           "xml_sha256", "xml_bytes", "json_sha256", "json_bytes", "status")
         VALUES ($1, '100', 2026, 1, now(), 'test', 0, 0, 0, 0, 'x', 8, 'y', 0, 'frozen')`,
        [id],
      );
    });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  it("reads a frozen version's file, its chunks in order", async () => {
    const bytes = await store.read({ store: 'inami-datasets', id: `${id}.xml` });
    expect(bytes.toString()).toBe('<a>b</a>');
  });

  it.each([
    ['another store', { store: 'other', id: `${id}.xml` }],
    ['a malformed id', { store: 'inami-datasets', id: 'x.xml' }],
    ['a form never stored', { store: 'inami-datasets', id: `${id}.json` }],
    ['an unknown version', { store: 'inami-datasets', id: `${randomUUID()}.xml` }],
  ])('refuses %s with PAYLOAD_NOT_FOUND (final)', async (_name, reference) => {
    const error = await store.read(reference).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PayloadError);
    expect(error).toMatchObject({ code: 'PAYLOAD_NOT_FOUND', retriable: false });
  });
});
