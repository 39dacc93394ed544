import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { locateSchemasDir } from '@rtw/contracts';
import {
  createFreshDatabase,
  createTestDataSource,
  createTestTrust,
  dropDatabase,
  linkDossierToPartner,
  recordDossierProjection,
  waitUntil,
} from '@rtw/testing';
import { startGateway, type RunningGateway } from '../../../gateway/src/testing/gateway.fixture';
import {
  newSecret,
  signedHeaders,
  startSandbox,
  writeSecrets,
  type RunningSandbox,
} from '../testing/sandbox.fixture';
import type { CallbackRecord } from './callback.scheduler';

const EXAMPLE_DOSSIER = '3f6c2a1e-8b4d-4c7a-9e21-5d0f7b3a6c18';
const example = (partner: string, file: string) =>
  readFileSync(join(locateSchemasDir(), 'partners', partner, 'examples', 'valid', file), 'utf8');

describe("the sandbox's answers reaching a real gateway", () => {
  const secrets = { 'regional:actiris': [newSecret()], 'cpmt:0543107453': [newSecret()] };
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let gateway: RunningGateway;
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    const trust = await createTestTrust({
      organisations: [
        { kind: 'insurer', code: '100' },
        { kind: 'regional', code: 'actiris' },
        { kind: 'cpmt', code: '0543107453' },
      ],
    });
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    gateway = await startGateway({
      DATABASE_URL: database.url,
      GATEWAY_ORGANISATIONS_FILE: trust.file,
    });
    const services = join(trust.dir, 'prevention-services.json');
    writeFileSync(services, JSON.stringify({ services: [{ enterpriseNumber: '0543107453' }] }));
    sandbox = await startSandbox({
      PARTNER_SANDBOX_CALLBACKS: 'true',
      PARTNER_SANDBOX_CALLBACK_DELAY_MS: '0',
      PARTNER_SANDBOX_GATEWAY_URL: gateway.url,
      PARTNER_SANDBOX_SIGNING_KEYS_FILE: trust.signingKeysFile,
      PARTNER_SANDBOX_SECRETS_DIR: writeSecrets(secrets),
      PARTNER_SANDBOX_PREVENTION_SERVICES_FILE: services,
    });
  });
  afterAll(async () => {
    await sandbox?.close();
    await gateway?.close();
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  async function deliver(
    org: keyof typeof secrets,
    path: string,
    body: string,
    contentType: string,
  ) {
    const id = randomUUID();
    const response = await fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: signedHeaders({ id, body, secrets: secrets[org], contentType }),
      body,
    });
    expect(response.status).toBe(202);
    return id;
  }
  async function answersTo(key: string, count: number): Promise<CallbackRecord[]> {
    const read = async () =>
      (
        (await (await fetch(`${sandbox.url}/control/callbacks`)).json()) as {
          callbacks: CallbackRecord[];
        }
      ).callbacks.filter((record) => record.idempotencyKey === key);
    await waitUntil(
      async () => (await read()).filter((record) => record.status !== 'pending').length >= count,
      `${count} answers sent to the gateway`,
    );
    return read();
  }
  const inbound = (dossierId: string) =>
    dataSource.query(
      `SELECT "headers"->>'ce_type' AS "type", "headers"->>'ce_source' AS "source",
              "headers"->>'ce_insurer' AS "insurer"
       FROM "outbox" WHERE "message_key" = $1 ORDER BY "seq"`,
      [dossierId],
    );

  it("answers Actiris's FIA through the gateway, signed in with Actiris's key: acknowledged, then presented", async () => {
    const dossierId = randomUUID();
    await recordDossierProjection(dataSource, {
      dossierId,
      insurer: '300',
      residence: { postalCode: '1050' },
    });
    await linkDossierToPartner(dataSource, {
      dossierId,
      partner: { kind: 'regional', code: 'actiris' },
      referralId: 'REF-ACT-0042',
    });
    const fia = example('actiris', 'fia.v1.xml').replace(EXAMPLE_DOSSIER, dossierId);

    const key = await deliver('regional:actiris', '/actiris/messages', fia, 'application/xml');
    const answers = await answersTo(key, 2);

    expect(answers.map((record) => [record.type, record.status, record.httpStatus])).toEqual([
      ['be.rtw.regional.registration.acknowledged', 'accepted', 202],
      ['be.rtw.regional.insured.presented', 'accepted', 202],
    ]);
    expect(await inbound(dossierId)).toEqual([
      {
        type: 'be.rtw.regional.registration.acknowledged',
        source: 'urn:rtw:org:regional:actiris',
        insurer: '300',
      },
      {
        type: 'be.rtw.regional.insured.presented',
        source: 'urn:rtw:org:regional:actiris',
        insurer: '300',
      },
    ]);
  });

  it("answers a CPMT referral in the CPMT's JSON, and records the gateway's refusal when the referral is not linked", async () => {
    const linked = randomUUID();
    await recordDossierProjection(dataSource, { dossierId: linked, insurer: '100' });
    await linkDossierToPartner(dataSource, {
      dossierId: linked,
      partner: { kind: 'cpmt', code: '0543107453' },
      referralId: 'REF-CPMT-7781',
    });
    const referral = example('cpmt', 'referral.v1.json');

    const accepted = await deliver(
      'cpmt:0543107453',
      '/cpmt/0543107453/messages',
      referral.replace(EXAMPLE_DOSSIER, linked),
      'application/json',
    );
    const refused = await deliver(
      'cpmt:0543107453',
      '/cpmt/0543107453/messages',
      referral.replace(EXAMPLE_DOSSIER, randomUUID()),
      'application/json',
    );

    expect((await answersTo(accepted, 2)).map((record) => [record.type, record.status])).toEqual([
      ['be.rtw.cpmt.referral.accepted', 'accepted'],
      ['be.rtw.cpmt.visit.held', 'accepted'],
    ]);
    expect(await answersTo(refused, 1)).toEqual([
      expect.objectContaining({ status: 'refused', httpStatus: 403, code: 'DOSSIER_NOT_REFERRED' }),
    ]);
    expect((await inbound(linked)).map((row: { type: string }) => row.type)).toEqual([
      'be.rtw.cpmt.referral.accepted',
      'be.rtw.cpmt.visit.held',
    ]);
  });
});
