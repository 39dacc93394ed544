import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import {
  createTestDataSource,
  createTestTopics,
  createTestTrust,
  deleteTestTopics,
  exampleEvent,
  generateNiss,
  produceTestMessages,
  routeBSelfEmployedToActiris,
  uniqueGroupId,
  uniqueTopic,
  waitUntil,
  type JsonEvent,
  type ScriptedTrajectory,
  type TestTrust,
} from '@rtw/testing';
import { startTracker, type RunningTracker } from '../testing/tracker.fixture';

const inbound = uniqueTopic('timeline-inbound');
const SUPPORT = 'support:hub-support';

type Body = Record<string, unknown>;

describe('the timeline API on the real broker and database', () => {
  let tracker: RunningTracker;
  let db: DataSource;
  let trust: TestTrust;
  let trajectory: ScriptedTrajectory;
  let refusedId: string;

  beforeAll(async () => {
    await createTestTopics({ topic: inbound, partitions: 3 });
    db = await createTestDataSource();
    trust = await createTestTrust({
      organisations: [
        { kind: 'support', code: 'hub-support' },
        { kind: 'insurer', code: '100' },
      ],
      audience: 'urn:rtw:hub:tracker',
    });
    tracker = await startTracker({
      TRACKER_INBOUND_TOPIC: inbound,
      TRACKER_GROUP_ID: uniqueGroupId('timeline'),
      TRACKER_ORGANISATIONS_FILE: trust.file,
    });
    // A route B trajectory to Actiris, preceded by one of its events sent before the dossier
    // was opened (refused).
    trajectory = routeBSelfEmployedToActiris();
    const early = { ...trajectory.events.at(-1)!, id: randomUUID() };
    refusedId = String(early['id']);
    await publish([early]);
    await waitUntil(async () => (await refusals(trajectory.dossierId)) === 1, 'the refusal');
    await publish(trajectory.events);
    await waitUntil(
      async () => (await version(trajectory.dossierId)) === trajectory.events.length,
      'every event applied',
    );
  });
  afterAll(async () => {
    await tracker?.close();
    await db?.destroy();
    await deleteTestTopics([inbound, `${inbound}.dlq`]);
  });

  const publish = (events: JsonEvent[]) =>
    produceTestMessages(
      inbound,
      events.map((event) => toKafkaMessage(event as unknown as CloudEvent)),
    );
  const count = async (sql: string, dossierId: string): Promise<number> =>
    Number((await db.query(sql, [dossierId]))[0]?.n ?? 0);
  const version = (dossierId: string) =>
    count(`SELECT max("version") AS "n" FROM "dossier_events" WHERE "dossier_id" = $1`, dossierId);
  const refusals = (dossierId: string) =>
    count(`SELECT count(*) AS "n" FROM "dossier_refusals" WHERE "dossier_id" = $1`, dossierId);
  const audits = (dossierId: string) =>
    db.query(
      `SELECT "actor_organisation", "actor_subject", "roles", "found", "identity_shown"
       FROM "dossier_access_audit" WHERE "dossier_id" = $1 ORDER BY "id"`,
      [dossierId],
    );

  const token = (claims: Record<string, unknown>, organisation = SUPPORT) =>
    trust.sign(organisation, claims);
  async function get(path: string, bearer?: string): Promise<{ status: number; body: Body }> {
    const response = await fetch(`${tracker.url}${path}`, {
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    });
    return { status: response.status, body: (await response.json()) as Body };
  }
  const timelineOf = (dossierId: string) => `/v1/dossiers/${dossierId}/timeline`;
  const identityValues = () => {
    const insured = (trajectory.events[0]!['data'] as { insured: Record<string, unknown> }).insured;
    return [trajectory.niss, insured['lastName'], insured['firstName'], 'Rue Exemple 1'].map(
      String,
    );
  };

  it('shows a viewer every event, accepted and refused, with deadlines, consents and relations, identity masked', async () => {
    const { dossierId, events } = trajectory;

    const { status, body } = await get(
      timelineOf(dossierId),
      await token({ sub: 'agent-7', rtw_roles: ['viewer'] }),
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({
      dossierId,
      identityShown: false,
      dossier: {
        dossierId,
        insurer: '100',
        status: 'open',
        scheme: 'self-employed',
        route: 'B',
        outcome: 'work-resumed',
        version: events.length,
        state: expect.objectContaining({ residence: '***' }),
      },
    });
    const timeline = body['events'] as Body[];
    expect(timeline[0]).toMatchObject({
      outcome: 'refused',
      id: refusedId,
      type: 'be.rtw.trajectory.closed',
      reasonCode: 'DOSSIER_NOT_OPEN',
    });
    expect(timeline.slice(1).map((entry) => [entry['outcome'], entry['id']])).toEqual(
      events.map((event) => ['accepted', event['id']]),
    );
    expect(timeline.slice(1).map((entry) => entry['version'])).toEqual(
      events.map((_, index) => index + 1),
    );
    expect(timeline[1]).toMatchObject({
      type: 'be.rtw.dossier.opened',
      data: {
        insured: { niss: '***', lastName: '***', firstName: '***', residence: '***' },
        scheme: 'self-employed',
      },
    });
    expect(body['deadlines']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'regional-actiris-presentation',
          status: 'met',
          dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        }),
        expect.objectContaining({ rule: 'contact-first-route-b', status: 'met' }),
      ]),
    );
    expect(body['consents']).toEqual([
      expect.objectContaining({ scope: 'data-processing', status: 'given' }),
      expect.objectContaining({ scope: 'regional-service', status: 'given' }),
    ]);
    expect(body['relations']).toEqual([
      expect.objectContaining({
        partner: { kind: 'regional', code: 'actiris' },
        endReason: 'trajectory-ended',
      }),
    ]);
    const text = JSON.stringify(body);
    for (const value of identityValues()) expect(text).not.toContain(value);
  });

  it('shows identity to a privacy officer', async () => {
    const { status, body } = await get(
      timelineOf(trajectory.dossierId),
      await token({ sub: 'officer-2', rtw_roles: ['privacy-officer'] }),
    );

    expect(status).toBe(200);
    expect(body['identityShown']).toBe(true);
    const text = JSON.stringify(body);
    for (const value of identityValues()) expect(text).toContain(value);
    for (const value of identityValues()) expect(tracker.logs()).not.toContain(value);
  });

  it('audits every read of a timeline: who, which dossier, whether identity was shown', async () => {
    const dossierId = trajectory.dossierId;
    const before = (await audits(dossierId)).length;

    await get(timelineOf(dossierId), await token({ sub: 'agent-9', rtw_roles: ['operator'] }));
    await get(
      timelineOf(dossierId),
      await token({ sub: 'officer-3', rtw_roles: ['privacy-officer'] }),
    );
    await get(timelineOf(dossierId)); // not authenticated: nobody to audit, nothing shown

    expect((await audits(dossierId)).slice(before)).toEqual([
      {
        actor_organisation: SUPPORT,
        actor_subject: 'agent-9',
        roles: ['operator', 'viewer'],
        found: true,
        identity_shown: false,
      },
      {
        actor_organisation: SUPPORT,
        actor_subject: 'officer-3',
        roles: ['privacy-officer', 'viewer'],
        found: true,
        identity_shown: true,
      },
    ]);
  });

  it('answers 404 DOSSIER_NOT_FOUND for a dossier it never saw, and audits the look-up', async () => {
    const unknown = randomUUID();

    const { status, body } = await get(
      timelineOf(unknown),
      await token({ sub: 'agent-7', rtw_roles: ['privacy-officer'] }),
    );

    expect({ status, code: body['code'] }).toEqual({ status: 404, code: 'DOSSIER_NOT_FOUND' });
    expect(await audits(unknown)).toEqual([
      expect.objectContaining({ actor_subject: 'agent-7', found: false, identity_shown: false }),
    ]);
  });

  it('refuses an unauthenticated call with 401 and a code', async () => {
    const anonymous = await get(timelineOf(trajectory.dossierId));
    const foreign = await get(
      timelineOf(trajectory.dossierId),
      await trust.signWithForeignKey(SUPPORT),
    );

    expect(anonymous).toEqual({
      status: 401,
      body: { code: 'AUTHENTICATION_REQUIRED', message: expect.any(String) },
    });
    expect([foreign.status, foreign.body['code']]).toEqual([401, 'TOKEN_SIGNATURE_INVALID']);
  });

  it('refuses an insurer with 403 ORGANISATION_NOT_SUPPORT, a token without role or person with 403', async () => {
    const insurer = await get(
      timelineOf(trajectory.dossierId),
      await token({ sub: 'clerk', rtw_roles: ['viewer'] }, 'insurer:100'),
    );
    const noRole = await get(timelineOf(trajectory.dossierId), await token({ sub: 'agent-7' }));
    const nobody = await get(
      timelineOf(trajectory.dossierId),
      await token({ rtw_roles: ['viewer'] }),
    );

    expect([insurer.status, insurer.body['code']]).toEqual([403, 'ORGANISATION_NOT_SUPPORT']);
    expect([noRole.status, noRole.body['code']]).toEqual([403, 'ROLE_REQUIRED']);
    expect([nobody.status, nobody.body['code']]).toEqual([403, 'ACTOR_REQUIRED']);
  });

  it.each([
    ['an upper-case UUID', () => trajectory.dossierId.toUpperCase()],
    ['a word', () => 'not-a-dossier'],
    ['an injection attempt', () => encodeURIComponent("' OR '1'='1")],
    ['the nil UUID', () => '00000000-0000-0000-0000-000000000000'],
  ])('refuses a dossier id that is %s with 400 DOSSIER_ID_INVALID', async (_what, id) => {
    const { status, body } = await get(
      timelineOf(id()),
      await token({ sub: 'agent-7', rtw_roles: ['viewer'] }),
    );

    expect({ status, code: body['code'] }).toEqual({ status: 400, code: 'DOSSIER_ID_INVALID' });
  });

  it('answers a path with broken percent-encoding with a 400 problem, never a 5xx', async () => {
    const { status, body } = await get(
      '/v1/dossiers/%E0%A4%A/timeline',
      await token({ sub: 'agent-7', rtw_roles: ['viewer'] }),
    );

    expect(status).toBe(400);
    expect(body['code']).toEqual(expect.any(String));
  });

  it('serves its OpenAPI document without a token', async () => {
    const { status, body } = await get('/v1/openapi.json');

    expect([status, body['openapi']]).toEqual([200, '3.1.0']);
  });

  describe('the dossier listing', () => {
    const insurer = '300';
    let opened: string[];

    beforeAll(async () => {
      const events = Array.from({ length: 3 }, () =>
        exampleEvent('dossier.opened', { dossierId: randomUUID(), insurer, niss: generateNiss() }),
      );
      opened = events.map((event) => String(event['subject']));
      await publish(events);
      await waitUntil(
        async () => (await Promise.all(opened.map(version))).every((v) => v === 1),
        'the dossiers opened',
      );
    });

    it('pages through an insurer’s dossiers with a cursor, each once, without identity', async () => {
      const viewer = await token({ rtw_roles: ['viewer'] });
      const seen: Body[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `insurer=${insurer}&state=open&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const { status, body } = await get(`/v1/dossiers?${query}`, viewer);
        expect(status).toBe(200);
        const items = body['items'] as Body[];
        expect(items.length).toBeLessThanOrEqual(2);
        seen.push(...items);
        cursor = body['nextCursor'] as string | null;
      } while (cursor);

      const ids = seen.map((item) => item['dossierId']);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(opened));
      expect(seen.every((item) => item['insurer'] === insurer && item['status'] === 'open')).toBe(
        true,
      );
      expect(seen.every((item) => !('state' in item))).toBe(true);
    });

    it('lists no open dossier among the closed ones', async () => {
      const { status, body } = await get(
        `/v1/dossiers?insurer=${insurer}&state=closed&limit=200`,
        await token({ rtw_roles: ['viewer'] }),
      );

      expect(status).toBe(200);
      const ids = (body['items'] as Body[]).map((item) => item['dossierId']);
      for (const id of opened) expect(ids).not.toContain(id);
    });

    it.each([
      ['an insurer that is not a code', 'insurer=ACME'],
      ['a cursor it never gave', 'cursor=abc'],
      ['an unknown parameter', 'niss=1'],
    ])('refuses %s with 400 INVALID_QUERY', async (_what, query) => {
      const { status, body } = await get(
        `/v1/dossiers?${query}`,
        await token({ rtw_roles: ['viewer'] }),
      );

      expect({ status, code: body['code'] }).toEqual({ status: 400, code: 'INVALID_QUERY' });
    });

    it('refuses the listing to an insurer with 403', async () => {
      const { status, body } = await get(
        `/v1/dossiers?insurer=100`,
        await token({ rtw_roles: ['viewer'] }, 'insurer:100'),
      );

      expect({ status, code: body['code'] }).toEqual({
        status: 403,
        code: 'ORGANISATION_NOT_SUPPORT',
      });
    });
  });
});
