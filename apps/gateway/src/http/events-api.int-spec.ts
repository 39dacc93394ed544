import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createFreshDatabase,
  createTestDataSource,
  dropDatabase,
  generateNiss,
  createTestTrust,
  exampleEvent,
  trajectoryEvents,
  type TestTrust,
  linkDossierToPartner,
} from '@rtw/testing';
import { BATCH, SINGLE, post, startGateway, type RunningGateway } from '../testing/gateway.fixture';

const CPMT = 'cpmt:0403170701';

describe('the submission API over HTTP, on the real database', () => {
  let trust: TestTrust;
  let gateway: RunningGateway;
  let database: { name: string; url: string };
  let dataSource: DataSource;
  const address = (insurer = '100') => ({ dossierId: randomUUID(), insurer, niss: generateNiss() });
  const bearer = async (organisation = 'insurer:100') => `Bearer ${await trust.sign(organisation)}`;
  const submit = async (event: unknown, organisation = 'insurer:100') =>
    post(`${gateway.url}/v1/events`, event, {
      'content-type': SINGLE,
      authorization: await bearer(organisation),
    });

  beforeAll(async () => {
    trust = await createTestTrust({
      organisations: [
        { kind: 'insurer', code: '100' },
        { kind: 'insurer', code: '600' },
        { kind: 'cpmt', code: '0403170701' },
      ],
    });
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    // The tracker will own this table (ADR 0023); this test database stands in for it.
    gateway = await startGateway({
      DATABASE_URL: database.url,
      GATEWAY_ORGANISATIONS_FILE: trust.file,
      GATEWAY_BATCH_MAX_EVENTS: '20',
      GATEWAY_EVENT_MAX_BYTES: '16384',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  it('accepts an insurer event with 202 once recorded, answers its repeat as a replay, and a changed payload as a conflict', async () => {
    const event = exampleEvent('dossier.opened', address());

    const first = await submit(event);
    const again = await submit(event);
    const changed = await submit({ ...event, time: '2026-09-01T09:00:00+02:00' });

    expect([first.status, first.body, first.headers.get('idempotent-replay')]).toEqual([
      202,
      { id: event['id'], status: 'accepted' },
      null,
    ]);
    expect([again.status, again.body, again.headers.get('idempotent-replay')]).toEqual([
      202,
      { id: event['id'], status: 'accepted' },
      'true',
    ]);
    expect([changed.status, changed.body['code']]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);
    const rows = await dataSource.query(
      `SELECT "topic", "message_key" FROM "outbox" WHERE "message_key" = $1`,
      [event['subject']],
    );
    expect(rows).toEqual([{ topic: 'rtw.inbound.events.v1', message_key: event['subject'] }]);
  });

  it('judges each event of a batch on its own and lists the outcomes in request order', async () => {
    const trajectory = trajectoryEvents(address());
    const foreign = exampleEvent('contact.held', address('200'));
    const response = await post(
      `${gateway.url}/v1/events/batch`,
      [...trajectory, foreign, trajectory[0]],
      { 'content-type': BATCH, authorization: await bearer() },
    );

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      accepted: trajectory.length,
      duplicates: 1,
      rejected: 1,
    });
    const results = response.body['results'] as Array<Record<string, unknown>>;
    expect(results.map((r) => [r['index'], r['outcome'], r['status']])).toEqual([
      ...trajectory.map((_, index) => [index, 'accepted', 202]),
      [trajectory.length, 'rejected', 403],
      [trajectory.length + 1, 'duplicate', 202],
    ]);
    expect(results[trajectory.length]).toMatchObject({
      code: 'SOURCE_MISMATCH',
      pointer: '/source',
    });

    const replay = await post(`${gateway.url}/v1/events/batch`, trajectory, {
      'content-type': BATCH,
      authorization: await bearer(),
    });
    expect([
      replay.status,
      replay.body['duplicates'],
      replay.headers.get('idempotent-replay'),
    ]).toEqual([200, trajectory.length, 'true']);
  });

  it("accepts a partner's answer for a dossier referred to it", async () => {
    const answer = exampleEvent('cpmt.referral.accepted', {
      ...address(),
      source: `urn:rtw:org:${CPMT}`,
    });
    await linkDossierToPartner(dataSource, {
      dossierId: answer['subject'] as string,
      partner: { kind: 'cpmt', code: '0403170701' },
    });
    const response = await submit(answer, CPMT);
    expect([response.status, response.body['status']]).toEqual([202, 'accepted']);
  });

  it("tells an organisation where its own event stands, and nobody else's", async () => {
    const event = exampleEvent('consent.given', address());
    await submit(event);
    const auth = { authorization: await bearer() };

    const found = await fetch(`${gateway.url}/v1/events/${String(event['id'])}`, { headers: auth });
    expect([found.status, await found.json()]).toEqual([
      200,
      expect.objectContaining({
        id: event['id'],
        status: 'accepted',
        type: 'be.rtw.consent.given',
        dossierId: event['subject'],
      }),
    ]);
    const foreign = await fetch(`${gateway.url}/v1/events/${String(event['id'])}`, {
      headers: { authorization: await bearer('insurer:600') },
    });
    expect([foreign.status, ((await foreign.json()) as { code: string }).code]).toEqual([
      404,
      'EVENT_NOT_FOUND',
    ]);
  });

  it('audits a refused request with who and why, without the payload', async () => {
    const count = async () =>
      Number(
        (
          await dataSource.query(
            `SELECT count(*) AS n FROM "ingress_audit" WHERE "organisation_id" = 'insurer:600' AND "reason_code" = 'MALFORMED_JSON'`,
          )
        )[0].n,
      );
    const before = await count();
    await post(`${gateway.url}/v1/events`, '{"data":', {
      'content-type': SINGLE,
      authorization: await bearer('insurer:600'),
    });
    for (let i = 0; i < 100 && (await count()) === before; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(await count()).toBe(before + 1);
    const columns = await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'ingress_audit' ORDER BY ordinal_position`,
    );
    expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual([
      'id',
      'occurred_at',
      'organisation_id',
      'channel',
      'event_id',
      'event_type',
      'dossier_id',
      'outcome',
      'reason_code',
    ]);
  });

  it('sends security headers, no CORS headers and no framework banner', async () => {
    const refused = await fetch(`${gateway.url}/v1/events`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    const preflight = await fetch(`${gateway.url}/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    for (const response of [refused, preflight]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
    expect(refused.status).toBe(401);
    expect(preflight.status).toBe(404);
  });

  it('serves its OpenAPI 3.1 document without authentication', async () => {
    const response = await fetch(`${gateway.url}/v1/openapi.json`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      openapi: '3.1.0',
      paths: { '/v1/events': expect.any(Object), '/v1/events/batch': expect.any(Object) },
    });
  });
});
