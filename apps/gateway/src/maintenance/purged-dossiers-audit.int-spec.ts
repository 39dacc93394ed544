import { randomUUID } from 'node:crypto';
import { createFreshDatabase, createTestDataSource, dropDatabase } from '@rtw/testing';
import type { DataSource } from 'typeorm';
import { purgeAuditOfPurgedDossiers } from './purged-dossiers-audit.purge';

describe('the gateway forgetting the audit rows of purged dossiers', () => {
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

  const audit = (dossierId: string | null, eventType: string) =>
    dataSource.query(
      `INSERT INTO "ingress_audit" ("organisation_id", "channel", "event_id", "event_type",
         "dossier_id", "outcome") VALUES ('insurer:100', 'http', $1, $2, $3, 'accepted')`,
      [randomUUID(), eventType, dossierId],
    );
  const rowsOf = async (dossierId: string) =>
    (
      await dataSource.query(
        `SELECT count(*)::int AS n FROM "ingress_audit" WHERE "dossier_id" = $1`,
        [dossierId],
      )
    )[0].n as number;

  it('deletes every audit row of a purged dossier, keeps those of live dossiers and those without one', async () => {
    const purged = randomUUID();
    const live = randomUUID();
    for (const type of ['be.rtw.dossier.opened', 'be.rtw.cpmt.decision.recorded'])
      await audit(purged, type);
    await audit(live, 'be.rtw.dossier.opened');
    await audit(null, 'be.rtw.dossier.opened');
    await dataSource.query(
      `INSERT INTO "dossier_purges" ("dossier_id", "insurer", "retention_until", "purged_at")
       VALUES ($1, '100', '2029-12-31', now())`,
      [purged],
    );

    expect(await purgeAuditOfPurgedDossiers(dataSource)).toBe(2);

    expect([await rowsOf(purged), await rowsOf(live)]).toEqual([0, 1]);
    const [withoutDossier] = await dataSource.query(
      `SELECT count(*)::int AS n FROM "ingress_audit" WHERE "dossier_id" IS NULL`,
    );
    expect(withoutDossier.n).toBe(1);
    expect(await purgeAuditOfPurgedDossiers(dataSource)).toBe(0);
  });
});
