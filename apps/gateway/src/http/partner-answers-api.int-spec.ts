import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { locateSchemasDir } from '@rtw/contracts';
import { TOPICS, fromKafkaMessage, type CloudEvent } from '@rtw/messaging';
import { PartnerContracts, type PartnerAnswer, type PartnerMediaType } from '@rtw/partners';
import {
  createFreshDatabase,
  createTestDataSource,
  createTestTrust,
  dropDatabase,
  linkDossierToPartner,
  recordDossierProjection,
  testKafka,
  uniqueGroupId,
  waitUntil,
  type TestTrust,
} from '@rtw/testing';
import { post, startGateway, type RunningGateway } from '../testing/gateway.fixture';

const ACTIRIS = 'regional:actiris';
const CPMT = 'cpmt:0403170701';
const EXAMPLE_DOSSIER = '3f6c2a1e-8b4d-4c7a-9e21-5d0f7b3a6c18';

describe('partner answers in their own format, on the real database and broker', () => {
  let trust: TestTrust;
  let gateway: RunningGateway;
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let contracts: PartnerContracts;
  const consumer = testKafka('rtw-test', { quiet: true }).consumer({
    groupId: uniqueGroupId('partner-answers'),
  });
  const published: CloudEvent[] = [];

  beforeAll(async () => {
    trust = await createTestTrust({
      organisations: [
        { kind: 'insurer', code: '100' },
        { kind: 'regional', code: 'actiris' },
        { kind: 'regional', code: 'vdab' },
        { kind: 'cpmt', code: '0403170701' },
      ],
    });
    contracts = await PartnerContracts.load();
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    // The gateway creates the hub's topics at start; the test consumer joins after it.
    gateway = await startGateway({
      DATABASE_URL: database.url,
      GATEWAY_ORGANISATIONS_FILE: trust.file,
      GATEWAY_OUTBOX_RELAY: 'true',
    });
    // The invalid examples name this dossier: linked, so only the document can be at fault.
    await recordDossierProjection(dataSource, {
      dossierId: EXAMPLE_DOSSIER,
      insurer: '300',
      residence: { postalCode: '1000' },
    });
    await linkDossierToPartner(dataSource, {
      dossierId: EXAMPLE_DOSSIER,
      partner: { kind: 'regional', code: 'actiris' },
      referralId: 'REF-ACT-0042',
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [TOPICS.inboundEvents], fromBeginning: false });
    await consumer.run({
      eachMessage: async ({ message }) => void published.push(fromKafkaMessage(message)),
    });
    await waitUntil(
      async () => (await consumer.describeGroup()).state === 'Stable',
      'the test consumer to join',
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await consumer.disconnect();
    await contracts?.dispose();
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  /** A dossier of insurer 300 living in Brussels (or `postalCode`), referred to the partner. */
  async function referred(
    partner: { kind: 'cpmt' | 'regional'; code: string },
    options: { postalCode?: string; ended?: boolean; referralId?: string } = {},
  ): Promise<string> {
    const dossierId = randomUUID();
    await recordDossierProjection(dataSource, {
      dossierId,
      insurer: '300',
      residence: { postalCode: options.postalCode ?? '1050' },
    });
    await linkDossierToPartner(dataSource, {
      dossierId,
      partner,
      referralId: options.referralId ?? 'REF-ACT-1',
      ended: options.ended,
    });
    return dossierId;
  }

  const acknowledged = (dossierId: string, answerId = `ACT-${dossierId.slice(0, 8)}`) =>
    ({
      answerId,
      sentAt: '2026-06-10T08:00:00+02:00',
      dossierId,
      referralId: 'REF-ACT-1',
      event: {
        type: 'be.rtw.regional.registration.acknowledged',
        dataschema: 'urn:rtw:schema:be.rtw.regional.registration.acknowledged:v1',
        data: {
          referralId: 'REF-ACT-1',
          serviceReference: 'ACT-778812',
          acknowledgedOn: '2026-06-09',
        },
      },
    }) satisfies PartnerAnswer as PartnerAnswer;

  const send = async (
    body: string | Uint8Array,
    contentType: string,
    authorization: string | undefined,
  ) =>
    post(`${gateway.url}/v1/partner-answers`, body, {
      'content-type': contentType,
      ...(authorization ? { authorization } : {}),
    });
  const answer = async (
    from: string,
    partner: string,
    content: PartnerAnswer,
    mediaType: PartnerMediaType,
  ) =>
    send(
      contracts.buildAnswer(partner, content, mediaType).body,
      mediaType,
      `Bearer ${await trust.sign(from)}`,
    );
  const rowsOf = async (dossierId: string) => ({
    outbox: await dataSource.query(`SELECT 1 FROM "outbox" WHERE "message_key" = $1`, [dossierId]),
    idempotency: await dataSource.query(
      `SELECT 1 FROM "ingress_idempotency" WHERE "dossier_id" = $1`,
      [dossierId],
    ),
  });

  it.each<PartnerMediaType>(['application/xml', 'application/json'])(
    "accepts Actiris's acknowledgement as %s with 202 and puts the canonical event on rtw.inbound.events.v1",
    async (mediaType) => {
      const dossierId = await referred({ kind: 'regional', code: 'actiris' });

      const response = await answer(ACTIRIS, 'actiris', acknowledged(dossierId), mediaType);

      expect(response.status).toBe(202);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        status: 'accepted',
        type: 'be.rtw.regional.registration.acknowledged',
        answerId: `ACT-${dossierId.slice(0, 8)}`,
      });
      await waitUntil(
        () => published.some((event) => event.subject === dossierId),
        'the answer on rtw.inbound.events.v1',
      );
      expect(published.find((event) => event.subject === dossierId)).toMatchObject({
        id: response.body['id'],
        source: 'urn:rtw:org:regional:actiris',
        type: 'be.rtw.regional.registration.acknowledged',
        insurer: '300',
        time: '2026-06-10T08:00:00+02:00',
        data: {
          referralId: 'REF-ACT-1',
          serviceReference: 'ACT-778812',
          acknowledgedOn: '2026-06-09',
        },
      });
    },
  );

  it("accepts a CPMT's JSON answer and answers the same answer again as a replay, without a second outbox row", async () => {
    const dossierId = await referred(
      { kind: 'cpmt', code: '0403170701' },
      { postalCode: '9000', referralId: 'REF-CPMT-1' },
    );
    const visit: PartnerAnswer = {
      answerId: 'CPMT-ANS-1',
      sentAt: '2026-05-20T14:00:00+02:00',
      dossierId,
      referralId: 'REF-CPMT-1',
      event: {
        type: 'be.rtw.cpmt.visit.held',
        dataschema: 'urn:rtw:schema:be.rtw.cpmt.visit.held:v1',
        data: {
          referralId: 'REF-CPMT-1',
          heldOn: '2026-05-19',
          reintegrationTrajectoryRequested: false,
        },
      },
    };

    const first = await answer(CPMT, 'cpmt', visit, 'application/json');
    const again = await answer(CPMT, 'cpmt', visit, 'application/json');

    expect([first.status, first.headers.get('idempotent-replay')]).toEqual([202, null]);
    expect([again.status, again.body['id'], again.headers.get('idempotent-replay')]).toEqual([
      202,
      first.body['id'],
      'true',
    ]);
    expect((await rowsOf(dossierId)).outbox).toHaveLength(1);
    const status = await fetch(`${gateway.url}/v1/events/${String(first.body['id'])}`, {
      headers: { authorization: `Bearer ${await trust.sign(CPMT)}` },
    });
    expect(await status.json()).toMatchObject({ type: 'be.rtw.cpmt.visit.held', dossierId });
  });

  const invalid = (file: string) =>
    readFileSync(join(locateSchemasDir(), 'partners', 'actiris', 'examples', 'invalid', file));

  it.each([
    ['answer.truncated.xml', 400, 'XML_MALFORMED'],
    ['answer.entity-bomb.xml', 400, 'XML_DOCTYPE_FORBIDDEN'],
    ['answer.external-entity-file.xml', 400, 'XML_DOCTYPE_FORBIDDEN'],
    ['answer.external-entity-http.xml', 400, 'XML_DOCTYPE_FORBIDDEN'],
    ['answer.proto-element.xml', 400, 'XML_FORBIDDEN_NAME'],
    ['answer.impossible-date.xml', 422, 'ANSWER_SCHEMA_INVALID'],
  ])('refuses %s with %i %s and records nothing', async (file, status, code) => {
    // The examples name this dossier; link it so only the document can be at fault.
    const dossierId = '3f6c2a1e-8b4d-4c7a-9e21-5d0f7b3a6c18';
    const response = await send(
      invalid(file),
      'application/xml',
      `Bearer ${await trust.sign(ACTIRIS)}`,
    );

    expect([response.status, response.body['code']]).toEqual([status, code]);
    expect(JSON.stringify(response.body)).not.toContain('passwd');
    expect(await rowsOf(dossierId)).toEqual({ outbox: [], idempotency: [] });
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses an answer without a token, and one signed with a key the hub does not trust, with 401', async () => {
    const dossierId = await referred({ kind: 'regional', code: 'actiris' });
    const body = contracts.buildAnswer('actiris', acknowledged(dossierId), 'application/xml').body;

    const unsigned = await send(body, 'application/xml', undefined);
    const foreign = await send(
      body,
      'application/xml',
      `Bearer ${await trust.signWithForeignKey(ACTIRIS)}`,
    );

    expect([unsigned.status, unsigned.body['code']]).toEqual([401, 'AUTHENTICATION_REQUIRED']);
    expect([foreign.status, foreign.body['code']]).toEqual([401, 'TOKEN_SIGNATURE_INVALID']);
    expect(await rowsOf(dossierId)).toEqual({ outbox: [], idempotency: [] });
  });

  it('refuses with 403 an answer for a dossier not linked to the partner, a link that ended, or an insured of another region', async () => {
    const notLinked = await referred({ kind: 'regional', code: 'vdab' });
    const ended = await referred({ kind: 'regional', code: 'actiris' }, { ended: true });
    const ghent = await referred({ kind: 'regional', code: 'actiris' }, { postalCode: '9000' });

    const responses = await Promise.all(
      [notLinked, ended, ghent].map((dossierId) =>
        answer(ACTIRIS, 'actiris', acknowledged(dossierId), 'application/xml'),
      ),
    );

    expect(responses.map((response) => [response.status, response.body['code']])).toEqual([
      [403, 'DOSSIER_NOT_REFERRED'],
      [403, 'REFERRAL_ENDED'],
      [403, 'PARTNER_NOT_COMPETENT'],
    ]);
    for (const dossierId of [notLinked, ended, ghent])
      expect(await rowsOf(dossierId)).toEqual({ outbox: [], idempotency: [] });
    const audited = await dataSource.query(
      `SELECT "dossier_id", "outcome", "reason_code" FROM "ingress_audit" WHERE "dossier_id" = $1`,
      [ghent],
    );
    expect(audited).toEqual([
      { dossier_id: ghent, outcome: 'rejected', reason_code: 'PARTNER_NOT_COMPETENT' },
    ]);
  });

  it('refuses an insurer posting an answer document, and a document in a media type the partner does not use', async () => {
    const dossierId = await referred({ kind: 'regional', code: 'actiris' });
    const body = contracts.buildAnswer('actiris', acknowledged(dossierId), 'application/xml').body;

    const insurer = await send(
      body,
      'application/xml',
      `Bearer ${await trust.sign('insurer:100')}`,
    );
    const text = await send(body, 'text/plain', `Bearer ${await trust.sign(ACTIRIS)}`);

    expect([insurer.status, insurer.body['code']]).toEqual([403, 'PARTNER_ANSWER_NOT_ALLOWED']);
    expect([text.status, text.body['code']]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  });
});
