import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { systemClock } from '@rtw/platform';
import { createTestDataSource, generateNiss } from '@rtw/testing';
import { SubjectAccessError } from './subject-access.error';
import { SubjectAccessService } from './subject-access.service';

describe('the subject access report on the real database', () => {
  let database: DataSource;
  let service: SubjectAccessService;
  const niss = generateNiss();
  const dossierId = randomUUID();
  const otherDossier = randomUUID();
  const officer = {
    organisation: 'support:hub',
    subject: `officer-${randomUUID()}`,
    roles: ['viewer', 'privacy-officer'],
    insurer: null,
  };
  const reason = 'Request 2026-118 received by post from the insured';

  beforeAll(async () => {
    database = await createTestDataSource();
    service = new SubjectAccessService({ dataSource: database, clock: systemClock });
    const opened = (dossier: string, person: string, eventId: string) =>
      database.query(
        `INSERT INTO "dossier_events" ("dossier_id", "version", "event_source", "event_id", "type",
           "insurer", "occurred_at", "recorded_at", "data")
         VALUES ($1, 1, 'urn:rtw:org:insurer:100', $2, 'be.rtw.dossier.opened', '100',
           '2026-11-02T09:00:00Z', now(), $3)`,
        [dossier, eventId, JSON.stringify({ insured: { niss: person } })],
      );
    const referralId = `ev-${randomUUID()}`;
    await opened(dossierId, niss, `ev-${randomUUID()}`);
    await opened(otherDossier, generateNiss(), `ev-${randomUUID()}`);
    await database.query(
      `INSERT INTO "dossier_events" ("dossier_id", "version", "event_source", "event_id", "type",
         "insurer", "occurred_at", "recorded_at", "data")
       VALUES ($1, 2, 'urn:rtw:org:insurer:100', $2, 'be.rtw.regional.referral.requested', '100',
         '2026-11-03T09:00:00Z', now(), '{}')`,
      [dossierId, referralId],
    );
    for (const [dossier, organisation, cause] of [
      [dossierId, 'regional:actiris', referralId],
      [otherDossier, 'regional:vdab', `ev-${randomUUID()}`],
    ] as const)
      await database.query(
        `INSERT INTO "delivery_messages" ("id", "partner", "organisation_id", "dossier_id",
           "insurer", "message_type", "contract", "content_type", "causation_id", "event",
           "source_topic", "source_partition", "source_offset", "status", "received_at",
           "updated_at", "delivered_at")
         VALUES ($1, 'actiris', $2, $3, '100', 'fia', 'urn:rtw:partner:actiris:fia:v1',
           'application/xml', $4, '{}', 'rtw.outbound.actiris.v1', 0, '1', 'delivered',
           '2026-11-03T09:00:01Z', '2026-11-03T09:00:02Z', '2026-11-03T09:00:02Z')`,
        [`msg-${randomUUID()}`, organisation, dossier, cause],
      );
    await database.query(
      `INSERT INTO "dossier_access_audit" ("accessed_at", "dossier_id", "actor_organisation",
         "actor_subject", "roles", "found", "identity_shown")
       VALUES ('2026-11-04T10:00:00Z', $1, 'insurer:100', 'agent-7', '{viewer}', true, false)`,
      [dossierId],
    );
  });

  afterAll(async () => {
    await database.query(
      `DELETE FROM "dossier_access_audit" WHERE "dossier_id" = ANY($1::uuid[])`,
      [[dossierId, otherDossier]],
    );
    await database.query(`DELETE FROM "delivery_messages" WHERE "dossier_id" = ANY($1::uuid[])`, [
      [dossierId, otherDossier],
    ]);
    await database.query(`DELETE FROM "dossier_events" WHERE "dossier_id" = ANY($1::uuid[])`, [
      [dossierId, otherDossier],
    ]);
    await database.destroy();
  });

  const audits = () =>
    database.query(
      `SELECT "outcome", "reason", "dossier_ids" FROM "subject_access_audit"
       WHERE "actor_subject" = $1 ORDER BY "id"`,
      [officer.subject],
    );

  it("tells a privacy officer which organisations received which of the person's data, when and why, and audits it", async () => {
    const report = await service.report({ niss, reason, requester: officer });

    expect(report.dossiers).toEqual([
      { dossierId, insurer: '100', openedAt: '2026-11-02T09:00:00.000Z' },
    ]);
    expect(report.disclosures).toEqual([
      {
        dossierId,
        organisation: 'regional:actiris',
        partner: 'actiris',
        messageType: 'fia',
        contract: 'urn:rtw:partner:actiris:fia:v1',
        cause: 'be.rtw.regional.referral.requested',
        status: 'delivered',
        preparedAt: '2026-11-03T09:00:01.000Z',
        deliveredAt: '2026-11-03T09:00:02.000Z',
      },
    ]);
    expect(report.accesses).toEqual([
      {
        dossierId,
        organisation: 'insurer:100',
        at: '2026-11-04T10:00:00.000Z',
        identityShown: false,
      },
    ]);
    expect(await audits()).toEqual([{ outcome: 'answered', reason, dossier_ids: [dossierId] }]);
    expect(JSON.stringify(await audits())).not.toContain(niss);
  });

  it("gives an insurer's privacy officer only that insurer's dossiers of the person", async () => {
    const ofInsurer = (insurer: string) => ({
      ...officer,
      organisation: `insurer:${insurer}`,
      subject: `officer-${insurer}-${randomUUID()}`,
      insurer,
    });

    const own = await service.report({ niss, reason, requester: ofInsurer('100') });
    const other = await service.report({ niss, reason, requester: ofInsurer('200') });

    expect(own.dossiers.map((d) => d.dossierId)).toEqual([dossierId]);
    expect(own.disclosures.map((d) => d.organisation)).toEqual(['regional:actiris']);
    expect(other).toMatchObject({ dossiers: [], disclosures: [], accesses: [] });
  });

  it('refuses anyone without the privacy-officer role, and audits the refusal', async () => {
    const viewer = { ...officer, subject: `viewer-${randomUUID()}`, roles: ['viewer', 'operator'] };

    await expect(service.report({ niss, reason, requester: viewer })).rejects.toMatchObject({
      code: 'PRIVACY_ROLE_REQUIRED',
    });
    const rows = await database.query(
      `SELECT "outcome", "dossier_ids" FROM "subject_access_audit" WHERE "actor_subject" = $1`,
      [viewer.subject],
    );
    expect(rows).toEqual([{ outcome: 'refused', dossier_ids: [] }]);
  });

  it.each([
    ['without a reason', { reason: '  too short ' }, 'REASON_REQUIRED'],
    ['with a number that is not a NISS', { niss: '12345678901' }, 'NISS_INVALID'],
  ])(
    'refuses a request %s with a reason code, never naming the number',
    async (_, change, code) => {
      const attempt = service.report({ niss, reason, requester: officer, ...change });

      await expect(attempt).rejects.toBeInstanceOf(SubjectAccessError);
      await expect(attempt).rejects.toMatchObject({ code });
      await attempt.catch((error: Error) => expect(error.message).not.toContain(niss));
    },
  );
});
