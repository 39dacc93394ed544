import type { CloudEvent } from '@rtw/messaging';
import { TOPICS, fromKafkaMessage, notifyTopic } from '@rtw/messaging';
import { PartnerContracts } from '@rtw/partners';
import {
  TEST_RESIDENCES,
  consentGiven,
  createFreshDatabase,
  createTestDataSource,
  dossierOpened,
  dropDatabase,
  linkDossierToPartner,
  newDossier,
  publishEvents,
  readTopicToEnd,
  regionalReferralRequested,
  waitForCommitted,
  waitUntil,
  type DossierAddress,
} from '@rtw/testing';
import type { DataSource } from 'typeorm';
import {
  startRegionalConnector,
  type RunningConnector,
} from '../testing/regional-connector.fixture';

// A group of this test file's own; kept between runs so each run reads only what is new.
const GROUP = 'test-regional-connector';

let database: { name: string; url: string };
let dataSource: DataSource;
let connector: RunningConnector;
let contracts: PartnerContracts;

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await createTestDataSource({ url: database.url });
  contracts = await PartnerContracts.load();
  connector = await startRegionalConnector({
    DATABASE_URL: database.url,
    REGIONAL_CONNECTOR_GROUP_ID: GROUP,
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

/** A resident of `residence` (insurer 100, corresponding in `language`), referred to `service`. */
async function referred(
  service: 'actiris' | 'vdab' | 'forem' | 'adg',
  residence: (typeof TEST_RESIDENCES)[keyof typeof TEST_RESIDENCES],
  language: 'fr' | 'nl' | 'de' = 'fr',
) {
  const dossier = newDossier('100');
  const referral = regionalReferralRequested(dossier, service, {
    coordinator: undefined,
    purpose: 'orientation',
  });
  await linkDossierToPartner(dataSource, {
    dossierId: dossier.dossierId,
    partner: { kind: 'regional', code: service },
    referralId: (referral.data as { referralId: string }).referralId,
  });
  const events = [
    dossierOpened(dossier, { residence, language }),
    consentGiven(dossier, 'regional-service'),
    referral,
  ];
  return { dossier, referral, events };
}

/** The one prepared message of a dossier on a partner topic, read back through its contract. */
async function preparedFor(partner: 'vdab' | 'forem' | 'adg', dossier: DossierAddress) {
  const records = await readTopicToEnd(TOPICS.outbound[partner], [dossier.dossierId]);
  expect(records).toHaveLength(1);
  const prepared = fromKafkaMessage<{ body: string; contentType: string; messageType: string }>(
    records[0]!,
  );
  const read = contracts.readMessage<Record<string, unknown>>(partner, {
    body: prepared.data.body,
    contentType: prepared.data.contentType,
  });
  return { prepared, read };
}

describe('the regional connector on the real broker and database', () => {
  it('sends a Ghent resident’s referral to VDAB as an AMF, in Dutch', async () => {
    const { dossier, events } = await referred('vdab', TEST_RESIDENCES.ghent, 'nl');

    await deliver(...events);

    expect(await publishedTopics(dossier)).toEqual([TOPICS.outbound.vdab]);
    const { prepared, read } = await preparedFor('vdab', dossier);
    expect(prepared.data).toMatchObject({
      partner: 'vdab',
      organisation: { kind: 'regional', code: 'vdab' },
      messageType: 'amf',
      contentType: 'application/json',
    });
    expect(read.content).toMatchObject({
      persoon: { hoofdverblijfplaats: { postcode: '9000' } },
      stelsel: 'werkloze',
      aanvraag: { doel: 'orientering' },
      // A v1-style referral names no coordinator: the insurer's desk is named instead.
      coordinator: { naam: 'Return-to-work desk 100 (development)' },
    });
  });

  it('sends an Eupen resident’s referral to ADG as an IFA, in German', async () => {
    const { dossier, events } = await referred('adg', TEST_RESIDENCES.eupen, 'de');

    await deliver(...events);

    expect(await publishedTopics(dossier)).toEqual([TOPICS.outbound.adg]);
    const { prepared, read } = await preparedFor('adg', dossier);
    expect(prepared.data).toMatchObject({ messageType: 'ifa', contentType: 'application/json' });
    expect(read.content).toMatchObject({
      person: { hauptwohnsitz: { postleitzahl: '4700', nisKode: '63023' } },
      system: 'arbeitsloser',
      antrag: { zweck: 'orientierung' },
    });
  });

  it('sends a Namur resident’s referral to Le Forem as a FIF, in French XML valid against its XSD', async () => {
    const { dossier, events } = await referred('forem', TEST_RESIDENCES.namur);

    await deliver(...events);

    expect(await publishedTopics(dossier)).toEqual([TOPICS.outbound.forem]);
    const { prepared, read } = await preparedFor('forem', dossier);
    expect(prepared.data).toMatchObject({ messageType: 'fif', contentType: 'application/xml' });
    expect(prepared.data.body).toContain('<fif xmlns="urn:rtw:partner:forem:fif:v1">');
    expect(read.content).toMatchObject({ personne: { residence: { codePostal: '5000' } } });
  });

  it('leaves a Brussels resident’s referral to Actiris to the Actiris connector', async () => {
    const { dossier, events } = await referred('actiris', TEST_RESIDENCES.brussels);

    await deliver(...events);

    expect(await publishedTopics(dossier)).toEqual([]);
  });

  it('withholds a referral to VDAB for an Eupen resident and tells the insurer ADG is competent', async () => {
    const { dossier, referral, events } = await referred('vdab', TEST_RESIDENCES.eupen);

    await deliver(...events);

    expect(await publishedTopics(dossier)).toEqual([notifyTopic('100')]);
    const [record] = await readTopicToEnd(notifyTopic('100'), [dossier.dossierId]);
    const notice = fromKafkaMessage<{ message: string }>(record!);
    expect(notice).toMatchObject({
      type: 'be.rtw.partner-message.withheld',
      data: { partner: 'vdab', reasonCode: 'NOT_COMPETENT', causationId: referral.id },
    });
    expect(notice.data.message).toContain('ADG');
  });
});
