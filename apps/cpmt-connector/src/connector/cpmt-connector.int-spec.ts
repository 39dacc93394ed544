import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CloudEvent } from '@rtw/messaging';
import { TOPICS, fromKafkaMessage, notifyTopic } from '@rtw/messaging';
import { PartnerContracts, type CpmtReferralV1 } from '@rtw/partners';
import {
  consentGiven,
  cpmtReferralRequested,
  createFreshDatabase,
  createTestDataSource,
  dossierOpened,
  dropDatabase,
  generateEnterpriseNumber,
  linkDossierToPartner,
  newDossier,
  publishEvents,
  readTopicToEnd,
  startAppProcess,
  waitForCommitted,
  waitUntil,
  type DossierAddress,
} from '@rtw/testing';
import type { DataSource } from 'typeorm';
import { startCpmtConnector, type RunningConnector } from '../testing/cpmt-connector.fixture';

// A group of this test file's own; kept between runs so each run reads only what is new.
const GROUP = 'test-cpmt-connector';
// The external prevention service of the development directory (config/prevention-services.json).
const PREVENTION_SERVICE = '0403170701';

let database: { name: string; url: string };
let dataSource: DataSource;
let connector: RunningConnector;
let contracts: PartnerContracts;

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await createTestDataSource({ url: database.url });
  contracts = await PartnerContracts.load();
  connector = await startCpmtConnector({
    DATABASE_URL: database.url,
    CPMT_CONNECTOR_GROUP_ID: GROUP,
  });
});
afterAll(async () => {
  await connector?.close();
  await dataSource?.destroy();
  await contracts?.dispose();
  if (database) await dropDatabase(database.name);
});

async function deliver(...events: CloudEvent[]): Promise<void> {
  const positions = await publishEvents(TOPICS.dossierEvents, events);
  await waitForCommitted(GROUP, TOPICS.dossierEvents, positions);
}

/** The topics of a dossier's outbox rows, once the relay has published every one of them. */
async function publishedTopics(dossier: DossierAddress): Promise<string[]> {
  const query = () =>
    dataSource.query(
      `SELECT "topic", "published_at" FROM "outbox" WHERE "message_key" = $1 ORDER BY "seq"`,
      [dossier.dossierId],
    ) as Promise<Array<{ topic: string; published_at: Date | null }>>;
  await waitUntil(
    async () => (await query()).every((row) => row.published_at !== null),
    'the relay to publish the dossier’s messages',
  );
  return (await query()).map((row) => row.topic);
}

/**
 * A salaried insured of insurer 400 (with a contract unless `hasContract` is false) referred to a
 * prevention service; linked and consented as the tracker would unless `consent` is false.
 */
async function referred(args: {
  preventionService: string;
  hasContract?: boolean;
  consent?: boolean;
}) {
  const dossier = newDossier('400');
  const employer = generateEnterpriseNumber();
  const referral = cpmtReferralRequested(dossier, {
    preventionService: args.preventionService,
    employer,
    overrides: { purpose: 'reintegration-trajectory' },
  });
  await linkDossierToPartner(dataSource, {
    dossierId: dossier.dossierId,
    partner: { kind: 'cpmt', code: args.preventionService },
    referralId: (referral.data as { referralId: string }).referralId,
    consent: args.consent,
  });
  const employment =
    args.hasContract === false
      ? { hasContract: false }
      : { hasContract: true, employerEnterpriseNumber: employer, jobTitle: 'Warehouse operator' };
  const opened = dossierOpened(dossier, { scheme: 'salaried', employment });
  const events = [
    opened,
    ...(args.consent === false ? [] : [consentGiven(dossier, 'cpmt')]),
    referral,
  ];
  return { dossier, opened, referral, events };
}

async function noticeFor(dossier: DossierAddress) {
  const [record] = await readTopicToEnd(notifyTopic('400'), [dossier.dossierId]);
  return fromKafkaMessage<{ reasonCode: string; organisation: object }>(record!);
}

describe('the CPMT connector on the real broker and database', () => {
  it('routes a referral to the prevention service it names, with only what the CPMT may see', async () => {
    const { dossier, opened, referral, events } = await referred({
      preventionService: PREVENTION_SERVICE,
    });

    await deliver(...events);

    expect(await publishedTopics(dossier)).toEqual([TOPICS.outbound.cpmt]);
    const [record] = await readTopicToEnd(TOPICS.outbound.cpmt, [dossier.dossierId]);
    const prepared = fromKafkaMessage<{ body: string; contentType: string }>(record!);
    expect(prepared.data).toMatchObject({
      partner: 'cpmt',
      organisation: { kind: 'cpmt', code: PREVENTION_SERVICE },
      messageType: 'cpmt-referral',
      contract: 'urn:rtw:partner:cpmt:referral:v1',
      contentType: 'application/json',
      causationId: referral.id,
    });
    const read = contracts.readMessage<CpmtReferralV1>('cpmt', {
      body: prepared.data.body,
      contentType: prepared.data.contentType,
    });
    expect(read.content).toMatchObject({
      preventionService: {
        enterpriseNumber: PREVENTION_SERVICE,
        name: 'Example external prevention service (development)',
      },
      request: { purpose: 'reintegration-trajectory' },
      employment: { jobTitle: 'Warehouse operator' },
    });
    const insured = opened.data.insured as { birthDate: string; residence: { postalCode: string } };
    expect(prepared.data.body).not.toContain(insured.birthDate);
    expect(prepared.data.body).not.toContain(insured.residence.postalCode);
  });

  it('withholds a referral to a prevention service the hub does not know, and tells the insurer', async () => {
    const unknown = generateEnterpriseNumber();
    const { dossier, events } = await referred({ preventionService: unknown });

    await deliver(...events);

    expect(await publishedTopics(dossier)).toEqual([notifyTopic('400')]);
    expect(await noticeFor(dossier)).toMatchObject({
      type: 'be.rtw.partner-message.withheld',
      data: {
        reasonCode: 'PREVENTION_SERVICE_UNKNOWN',
        organisation: { kind: 'cpmt', code: unknown },
      },
    });
  });

  it.each([
    ['without an employment contract', { hasContract: false }, 'NO_EMPLOYMENT_CONTRACT'],
    ['without consent for the CPMT', { consent: false }, 'CONSENT_MISSING'],
  ])('never delivers a referral %s', async (_case, overrides, reasonCode) => {
    const { dossier, events } = await referred({
      preventionService: PREVENTION_SERVICE,
      ...overrides,
    });

    await deliver(...events);

    expect(await publishedTopics(dossier)).toEqual([notifyTopic('400')]);
    expect((await noticeFor(dossier)).data.reasonCode).toBe(reasonCode);
  });
});

describe('the CPMT connector at boot', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rtw-cpmt-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start with a prevention services file it cannot trust, naming the key (exit 78)', async () => {
    const file = join(dir, 'services.json');
    writeFileSync(
      file,
      JSON.stringify({
        environment: 'development',
        services: [{ enterpriseNumber: '0123456789', name: 'X', kind: 'external' }],
      }),
    );
    const app = await startAppProcess({
      name: 'cpmt-connector',
      portKey: 'CPMT_CONNECTOR_PORT',
      env: { CPMT_PREVENTION_SERVICES_FILE: file, DATABASE_URL: database.url, LOG_LEVEL: 'info' },
    });
    expect(await app.exited()).toBe(78);
    expect(app.output()).toContain('CPMT_PREVENTION_SERVICES_FILE');
    expect(app.output()).not.toContain('0123456789');
  });
});
