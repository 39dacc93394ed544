import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ContractRegistry, type CanonicalEvent } from '@rtw/contracts';
import { createTestDataSource, generateNiss, exampleEvent, trajectoryEvents } from '@rtw/testing';
import { PublishAuthoriser } from '../authorisation/publish.authoriser';
import { InMemoryRelationRegister } from '../authorisation/relation-register.port';
import type { Organisation } from '../organisations/organisation.types';
import { EventStatusReader } from '../status/event-status.reader';
import { EventJudge } from '../validation/event.judge';
import { PostgresSubmissionStore } from './postgres-submission.store';
import { SubmissionService } from './submission.service';

const insurer: Organisation = {
  id: 'insurer:100',
  kind: 'insurer',
  code: '100',
  source: 'urn:rtw:org:insurer:100',
  certificateFingerprints: [],
};

describe('the durable submission pipeline on PostgreSQL', () => {
  let dataSource: DataSource;
  let service: SubmissionService;
  const topic = `test.inbound.${randomUUID()}`;
  const judge = new EventJudge(
    ContractRegistry.load(),
    new PublishAuthoriser(new InMemoryRelationRegister()),
  );
  const address = () => ({ dossierId: randomUUID(), insurer: '100', niss: generateNiss() });

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    service = new SubmissionService(judge, new PostgresSubmissionStore(dataSource, topic));
  });
  afterAll(async () => {
    await dataSource.query(`DELETE FROM "outbox" WHERE "topic" = $1`, [topic]);
    await dataSource.destroy();
  });

  const outboxRows = (dossierId: string) =>
    dataSource.query(
      `SELECT "message_key", "headers", "payload" FROM "outbox" WHERE "topic" = $1 AND "message_key" = $2 ORDER BY "seq"`,
      [topic, dossierId],
    ) as Promise<Array<{ message_key: string; headers: Record<string, string>; payload: Buffer }>>;
  const auditRows = (eventId: string) =>
    dataSource.query(
      `SELECT "organisation_id", "channel", "event_type", "outcome", "reason_code" FROM "ingress_audit" WHERE "event_id" = $1 ORDER BY "id"`,
      [eventId],
    );

  it('records a batch in order in the outbox, in binary mode keyed by dossier, with idempotency and audit rows', async () => {
    const events = trajectoryEvents(address());
    const dossierId = events[0]!['subject'] as string;

    const outcomes = await service.submit(insurer, 'http', events);

    expect(outcomes.map((o) => o.outcome)).toEqual(events.map(() => 'accepted'));
    const rows = await outboxRows(dossierId);
    expect(rows.map((row) => row.headers['ce_id'])).toEqual(events.map((e) => e['id']));
    expect(rows[0]!.headers).toMatchObject({
      ce_type: 'be.rtw.dossier.opened',
      ce_subject: dossierId,
      ce_insurer: '100',
      'content-type': 'application/json',
    });
    expect(JSON.parse(rows[0]!.payload.toString())).toEqual(events[0]!['data']);
    expect(await auditRows(events[0]!['id'] as string)).toEqual([
      {
        organisation_id: 'insurer:100',
        channel: 'http',
        event_type: 'be.rtw.dossier.opened',
        outcome: 'accepted',
        reason_code: null,
      },
    ]);
  });

  it('answers the same event again as a duplicate without a second outbox row, and a changed payload as a conflict', async () => {
    const event = exampleEvent('contact.held', address());
    const changed = { ...event, time: '2026-09-01T10:00:00+02:00' };

    await service.submit(insurer, 'http', [event]);
    const again = await service.submit(insurer, 'kafka', [{ ...event }]);
    const conflict = await service.submit(insurer, 'http', [changed]);

    expect(again.map((o) => o.outcome)).toEqual(['duplicate']);
    expect(conflict).toEqual([
      expect.objectContaining({
        outcome: 'rejected',
        refusal: expect.objectContaining({ code: 'IDEMPOTENCY_CONFLICT' }),
      }),
    ]);
    expect(await outboxRows(event['subject'] as string)).toHaveLength(1);
    expect(
      (await auditRows(event['id'] as string)).map((row: { outcome: string }) => row.outcome),
    ).toEqual(['accepted', 'duplicate', 'rejected']);
  });

  it('answers a re-sent accepted event as a duplicate or a conflict without judging it again, and leaves a new event to the judge', async () => {
    const vdab: Organisation = {
      id: 'regional:vdab',
      kind: 'regional',
      code: 'vdab',
      source: 'urn:rtw:org:regional:vdab',
      certificateFingerprints: [],
    };
    const register = new InMemoryRelationRegister();
    const linked = new SubmissionService(
      new EventJudge(ContractRegistry.load(), new PublishAuthoriser(register)),
      new PostgresSubmissionStore(dataSource, topic),
    );
    const answer = exampleEvent('regional.trajectory.started', {
      ...address(),
      source: vdab.source,
    }) as unknown as CanonicalEvent;
    register.refer(answer.subject, { kind: 'regional', code: 'vdab' });
    expect(await linked.resubmission(vdab, 'http', answer)).toBeUndefined();
    await linked.submit(vdab, 'http', [answer]);

    // The link ends (the tracker did it); the same answer sent again is still a duplicate.
    const unlinked = new SubmissionService(
      new EventJudge(
        ContractRegistry.load(),
        new PublishAuthoriser(new InMemoryRelationRegister()),
      ),
      new PostgresSubmissionStore(dataSource, topic),
    );
    const again = await unlinked.resubmission(vdab, 'http', { ...answer });
    const changed = await unlinked.resubmission(vdab, 'http', {
      ...answer,
      time: '2026-09-03T10:00:00+02:00',
    });

    expect(again?.outcome).toBe('duplicate');
    expect(changed).toMatchObject({
      outcome: 'rejected',
      refusal: { code: 'IDEMPOTENCY_CONFLICT' },
    });
    expect(await outboxRows(answer.subject)).toHaveLength(1);
    expect(await unlinked.resubmission(insurer, 'http', answer)).toBeUndefined();
  });

  it('judges repeats inside one batch against the first occurrence', async () => {
    const event = exampleEvent('contact.held', address());
    const outcomes = await service.submit(insurer, 'http', [
      event,
      { ...event },
      { ...event, time: '2026-09-02T10:00:00+02:00' },
    ]);
    expect(outcomes.map((o) => (o.outcome === 'rejected' ? o.refusal.code : o.outcome))).toEqual([
      'accepted',
      'duplicate',
      'IDEMPOTENCY_CONFLICT',
    ]);
  });

  it('accepts a concurrent double submission exactly once', async () => {
    const event = exampleEvent('plan.drafted', address());
    const results = await Promise.all([
      service.submit(insurer, 'http', [event]),
      service.submit(insurer, 'http', [{ ...event }]),
    ]);
    expect(results.map(([o]) => o!.outcome).sort()).toEqual(['accepted', 'duplicate']);
    expect(await outboxRows(event['subject'] as string)).toHaveLength(1);
  });

  it('writes nothing at all when part of the transaction fails, and calls a failure that is not an outage an internal error', async () => {
    // An empty topic makes the outbox write fail after the idempotency insert: a bug, which a
    // retry would repeat, so INTERNAL_ERROR (final), never a retriable DATABASE_UNAVAILABLE.
    const broken = new SubmissionService(judge, new PostgresSubmissionStore(dataSource, ''));
    const event = exampleEvent('dossier.opened', address());

    await expect(broken.submit(insurer, 'http', [event])).rejects.toMatchObject({
      code: 'INTERNAL_ERROR',
      retriable: false,
    });

    const idempotency = await dataSource.query(
      `SELECT 1 FROM "ingress_idempotency" WHERE "event_id" = $1`,
      [event['id']],
    );
    expect(idempotency).toEqual([]);
    expect(await auditRows(event['id'] as string)).toEqual([]);
  });

  it('reports an event as accepted, then published, and a refused one as rejected with its reason', async () => {
    const reader = new EventStatusReader(dataSource);
    const accepted = exampleEvent('consent.given', address());
    const refused: Record<string, unknown> = {
      ...exampleEvent('consent.given', address()),
      insurer: '200',
    };
    await service.submit(insurer, 'http', [accepted, refused]);

    await expect(reader.read(insurer, accepted['id'] as string)).resolves.toMatchObject({
      status: 'accepted',
      type: 'be.rtw.consent.given',
      dossierId: accepted['subject'],
    });
    await dataSource.query(
      `UPDATE "outbox" SET "published_at" = now() WHERE "topic" = $1 AND "message_key" = $2`,
      [topic, accepted['subject']],
    );
    await expect(reader.read(insurer, accepted['id'] as string)).resolves.toMatchObject({
      status: 'published',
      publishedAt: expect.any(String),
    });
    await expect(reader.read(insurer, refused['id'] as string)).resolves.toMatchObject({
      status: 'rejected',
      reasonCode: 'INSURER_MISMATCH',
    });
    await expect(reader.read(insurer, randomUUID())).resolves.toBeUndefined();
  });
});
