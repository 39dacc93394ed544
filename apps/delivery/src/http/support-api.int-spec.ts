import { randomUUID } from 'node:crypto';
import { createTestTrust, linkDossierToPartner, waitUntil, type TestTrust } from '@rtw/testing';
import {
  QUICK_SCHEDULE,
  createDeliveryTestSetup,
  messageRow,
  preparedMessage,
  publishPrepared,
  receiptsFor,
  startDelivery,
  waitForStatus,
  type DeliveryTestSetup,
  type RunningDelivery,
} from '../testing/delivery.fixture';

const ACTIRIS = { organisationId: 'regional:actiris', partner: 'actiris' } as const;
const SUPPORT = 'support:hub-support';
const REASON = 'Actiris fixed its form validation (incident 4711)';

describe('the support API: dead letters, replay, partner status and pause', () => {
  let setup: DeliveryTestSetup;
  let delivery: RunningDelivery;
  let trust: TestTrust;

  beforeAll(async () => {
    trust = await createTestTrust({
      organisations: [
        { kind: 'support', code: 'hub-support' },
        { kind: 'insurer', code: '100' },
      ],
      audience: 'urn:rtw:hub:delivery',
    });
    setup = await createDeliveryTestSetup({
      organisations: [
        { id: ACTIRIS.organisationId, partner: 'actiris', retrySchedule: QUICK_SCHEDULE },
      ],
      env: { DELIVERY_REPLAY_MAX_MESSAGES: '3' },
    });
    delivery = await startDelivery(setup, { DELIVERY_ORGANISATIONS_FILE: trust.file });
  });

  afterAll(async () => {
    await delivery?.close();
    await setup?.close();
  });

  const token = (roles: string[] | undefined, extra: Record<string, unknown> = {}) =>
    trust.sign(SUPPORT, { sub: 'agent-7', ...(roles ? { rtw_roles: roles } : {}), ...extra });

  async function call(
    method: 'GET' | 'POST',
    path: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${delivery.url}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function rejectedByActiris(count: number): Promise<string[]> {
    setup.partner.respond('/regional/actiris/', () => ({
      status: 422,
      body: '{"error":"form incomplete"}',
    }));
    const events = await Promise.all(
      Array.from({ length: count }, async (_, sequence) => {
        const dossierId = randomUUID();
        await linkDossierToPartner(setup.dataSource, {
          dossierId,
          partner: { kind: 'regional', code: 'actiris' },
        });
        return preparedMessage({ ...ACTIRIS, dossierId, sequence });
      }),
    );
    await publishPrepared(setup, events);
    const ids = events.map((e) => e.id);
    await waitForStatus(setup, ids, 'dead-lettered');
    return ids;
  }

  it('lists an Actiris 422 as a dead letter with its reason, replays it dry, then for real, and it is delivered', async () => {
    const [id] = await rejectedByActiris(1);

    const listed = await call(
      'GET',
      '/v1/dead-letters?partner=actiris&code=PARTNER_REJECTED&limit=200',
      {
        token: await token(['viewer']),
      },
    );
    expect(listed.status).toBe(200);
    expect(listed.body['items']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id,
          organisation: 'regional:actiris',
          status: 'dead-lettered',
          reasonCode: 'PARTNER_REJECTED',
          lastHttpStatus: 422,
          attempts: 1,
        }),
      ]),
    );
    expect(JSON.stringify(listed.body)).not.toContain('"form":"test"');

    const detail = await call('GET', `/v1/dead-letters/${id}`, { token: await token(['viewer']) });
    expect(detail.body['attemptLog']).toEqual([
      expect.objectContaining({
        outcome: 'rejected',
        httpStatus: 422,
        responseExcerpt: '{"error":"form incomplete"}',
      }),
    ]);

    setup.partner.respond('/regional/actiris/', () => ({ status: 200 }));
    const dry = await call('POST', '/v1/replays', {
      token: await token(['operator']),
      body: { ids: [id], reason: REASON },
    });
    expect(dry).toMatchObject({
      status: 200,
      body: {
        dryRun: true,
        matched: 1,
        requeued: 1,
        refused: 0,
        items: [{ messageId: id, verdict: 'would-requeue', organisation: 'regional:actiris' }],
      },
    });
    expect((await messageRow(setup, id!))?.['status']).toBe('dead-lettered');

    const real = await call('POST', '/v1/replays', {
      token: await token(['operator']),
      body: { ids: [id], reason: REASON, dryRun: false },
    });
    expect(real.body).toMatchObject({
      dryRun: false,
      requeued: 1,
      items: [{ messageId: id, verdict: 'requeued' }],
    });
    await waitForStatus(setup, [id!], 'delivered');
    expect(await messageRow(setup, id!)).toMatchObject({ attempts: 2, replays: 1 });
    expect((await receiptsFor([id!])).size).toBe(1);

    const audit = await call('GET', `/v1/replays/${String(real.body['replayId'])}`, {
      token: await token(['viewer']),
    });
    expect(audit.body).toMatchObject({
      actor: { organisation: SUPPORT, subject: 'agent-7' },
      reason: REASON,
      dryRun: false,
      items: [{ messageId: id, verdict: 'requeued' }],
    });
  });

  it('re-checks consent before a replay and refuses the message with the reason when it was withdrawn', async () => {
    const [id] = await rejectedByActiris(1);
    const [row] = (await setup.dataSource.query(
      `SELECT "dossier_id" FROM "delivery_messages" WHERE "id" = $1`,
      [id],
    )) as Array<{
      dossier_id: string;
    }>;
    await setup.dataSource.query(
      `UPDATE "dossier_consents" SET "status" = 'withdrawn', "withdrawn_on" = current_date WHERE "dossier_id" = $1`,
      [row!.dossier_id],
    );
    const real = await call('POST', '/v1/replays', {
      token: await token(['operator']),
      body: { ids: [id], reason: REASON, dryRun: false },
    });
    expect(real.body).toMatchObject({
      requeued: 0,
      refused: 1,
      items: [{ messageId: id, verdict: 'refused', code: 'CONSENT_WITHDRAWN' }],
    });
    expect((await messageRow(setup, id!))?.['status']).toBe('dead-lettered');
  });

  it('refuses a replay selecting more than the cap, asking to narrow the filter', async () => {
    await rejectedByActiris(4);
    const refused = await call('POST', '/v1/replays', {
      token: await token(['operator']),
      body: { filter: { partner: 'actiris' }, reason: REASON },
    });
    expect(refused).toMatchObject({ status: 422, body: { code: 'REPLAY_TOO_LARGE' } });
    expect(String(refused.body['message'])).toContain('narrow the filter');
  });

  it('refuses callers who are not support operators, and a replayed token', async () => {
    const body = { ids: ['m-1'], reason: REASON };
    expect((await call('GET', '/v1/dead-letters')).body).toMatchObject({
      code: 'AUTHENTICATION_REQUIRED',
    });
    expect(
      await call('GET', '/v1/dead-letters', {
        token: await trust.sign('insurer:100', { rtw_roles: ['operator'] }),
      }),
    ).toMatchObject({ status: 403, body: { code: 'ORGANISATION_NOT_SUPPORT' } });
    expect(await call('GET', '/v1/dead-letters', { token: await token(undefined) })).toMatchObject({
      status: 403,
      body: { code: 'ROLE_REQUIRED' },
    });
    expect(
      await call('POST', '/v1/replays', { token: await token(['viewer']), body }),
    ).toMatchObject({
      status: 403,
      body: { code: 'ROLE_REQUIRED' },
    });
    expect(
      await call('POST', '/v1/replays', {
        token: await token(['operator'], { sub: undefined }),
        body,
      }),
    ).toMatchObject({
      status: 403,
      body: { code: 'ACTOR_REQUIRED' },
    });
    const once = await token(['operator']);
    expect((await call('POST', '/v1/replays', { token: once, body })).status).toBe(200);
    expect(await call('POST', '/v1/replays', { token: once, body })).toMatchObject({
      status: 401,
      body: { code: 'TOKEN_REPLAYED' },
    });
    expect(
      await call('POST', '/v1/replays', {
        token: await token(['operator']),
        body: { ids: ['m-1'] },
      }),
    ).toMatchObject({
      status: 422,
      body: { code: 'INVALID_REQUEST', pointer: '/reason' },
    });
  });

  it('answers a body that is not JSON, a body too large and an unknown route with a reason code', async () => {
    const post = async (body: string) => {
      const response = await fetch(`${delivery.url}/v1/replays`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await token(['operator'])}`,
          'content-type': 'application/json',
        },
        body,
      });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    expect(await post('{"ids": [')).toMatchObject({
      status: 400,
      body: { code: 'MALFORMED_JSON' },
    });
    expect(await post(`{"reason": "${'x'.repeat(2_000_000)}"}`)).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(await call('GET', '/v1/dead-letterz', { token: await token(['viewer']) })).toMatchObject(
      {
        status: 404,
        body: { code: 'ROUTE_NOT_FOUND' },
      },
    );
  });

  it('pauses and resumes an organisation (audited); paused messages wait, then go', async () => {
    setup.partner.respond('/regional/actiris/', () => ({ status: 200 }));
    const paused = await call('POST', '/v1/partners/regional:actiris/pause', {
      token: await token(['operator']),
      body: { reason: 'Actiris maintenance window tonight' },
    });
    expect(paused.body).toMatchObject({ organisation: 'regional:actiris', paused: true });
    const dossierId = randomUUID();
    await linkDossierToPartner(setup.dataSource, {
      dossierId,
      partner: { kind: 'regional', code: 'actiris' },
    });
    const event = preparedMessage({ ...ACTIRIS, dossierId });
    await publishPrepared(setup, [event]);

    await waitUntil(
      async () => (await messageRow(setup, event.id))?.['status'] === 'pending',
      'queued',
    );
    const status = await call('GET', '/v1/partners', { token: await token(['viewer']) });
    expect(status.body['items']).toEqual([
      expect.objectContaining({
        id: 'regional:actiris',
        paused: true,
        circuit: 'closed',
        queue: expect.objectContaining({ due: 1 }),
        endpointOrigin: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      }),
    ]);
    expect(setup.partner.requests.filter((r) => r.key === event.id)).toEqual([]);

    await call('POST', '/v1/partners/regional:actiris/resume', {
      token: await token(['operator']),
      body: { reason: 'Maintenance over, resume Actiris' },
    });
    await waitForStatus(setup, [event.id], 'delivered');
    const audit = await setup.dataSource.query(
      `SELECT "action", "actor_subject" FROM "delivery_control_audit" WHERE "organisation_id" = 'regional:actiris' ORDER BY "id"`,
    );
    expect(audit).toEqual([
      { action: 'pause', actor_subject: 'agent-7' },
      { action: 'resume', actor_subject: 'agent-7' },
    ]);
    expect(
      await call('POST', '/v1/partners/regional:nowhere/pause', {
        token: await token(['operator']),
        body: { reason: 'no such organisation' },
      }),
    ).toMatchObject({
      status: 404,
      body: { code: 'ORGANISATION_NOT_FOUND' },
    });
  });
});
