import type { CloudEvent } from '@rtw/messaging';
import { TOPICS, fromKafkaMessage, notifyTopic } from '@rtw/messaging';
import { PartnerContracts, type FiaV1 } from '@rtw/partners';
import {
  TEST_RESIDENCES,
  consentGiven,
  consentWithdrawn,
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
import { startActirisConnector, type RunningConnector } from '../testing/actiris-connector.fixture';

// A group of this test file's own; kept between runs so each run reads only what is new.
const GROUP = 'test-actiris-connector';
const ACTIRIS = { kind: 'regional', code: 'actiris' } as const;

let database: { name: string; url: string };
let dataSource: DataSource;
let connector: RunningConnector;
let contracts: PartnerContracts;

beforeAll(async () => {
  database = await createFreshDatabase();
  dataSource = await createTestDataSource({ url: database.url });
  contracts = await PartnerContracts.load();
  connector = await startActirisConnector({
    DATABASE_URL: database.url,
    ACTIRIS_CONNECTOR_GROUP_ID: GROUP,
  });
});
afterAll(async () => {
  await connector?.close();
  await dataSource?.destroy();
  await contracts?.dispose();
  if (database) await dropDatabase(database.name);
});

/** Publishes accepted events and waits until the connector has committed them. */
async function deliver(...events: CloudEvent[]): Promise<void> {
  const positions = await publishEvents(TOPICS.dossierEvents, events);
  await waitForCommitted(GROUP, TOPICS.dossierEvents, positions);
}

/** The outbox rows of a dossier, once the relay has published every one of them. */
async function publishedRows(dossier: DossierAddress) {
  const query = () =>
    dataSource.query(
      `SELECT "topic", "headers"->>'ce_id' AS "id", "published_at" FROM "outbox"
       WHERE "message_key" = $1 ORDER BY "seq"`,
      [dossier.dossierId],
    ) as Promise<Array<{ topic: string; id: string; published_at: Date | null }>>;
  await waitUntil(
    async () => (await query()).every((row) => row.published_at !== null),
    'the relay to publish the dossier’s messages',
  );
  return (await query()).map(({ topic, id }) => ({ topic, id }));
}

/** A dossier of insurer 300 living at `residence`, with consent for regional services. */
function dossierAt(residence: (typeof TEST_RESIDENCES)[keyof typeof TEST_RESIDENCES]) {
  const dossier = newDossier('300');
  return {
    dossier,
    opened: dossierOpened(dossier, { residence }),
    consent: consentGiven(dossier, 'regional-service'),
  };
}

async function linked(dossier: DossierAddress, referral: CloudEvent) {
  await linkDossierToPartner(dataSource, {
    dossierId: dossier.dossierId,
    partner: ACTIRIS,
    referralId: (referral.data as { referralId: string }).referralId,
  });
}

describe('the Actiris connector on the real broker and database', () => {
  it('hands one FIA to delivery for a Brussels resident referred with consent, valid against its XSD', async () => {
    const { dossier, opened, consent } = dossierAt(TEST_RESIDENCES.brussels);
    const referral = regionalReferralRequested(dossier, 'actiris', { contactLanguage: 'nl' });
    await linked(dossier, referral);

    await deliver(opened, consent, referral);

    const rows = await publishedRows(dossier);
    expect(rows.map((row) => row.topic)).toEqual([TOPICS.outbound.actiris]);
    const [record] = await readTopicToEnd(TOPICS.outbound.actiris, [dossier.dossierId]);
    const prepared = fromKafkaMessage<{ body: string; contentType: string }>(record!);
    expect(prepared).toMatchObject({
      id: rows[0]!.id,
      source: 'urn:rtw:org:hub',
      type: 'be.rtw.partner-message.prepared',
      subject: dossier.dossierId,
      insurer: '300',
      correlationid: referral.correlationid,
      data: {
        partner: 'actiris',
        organisation: ACTIRIS,
        messageType: 'fia',
        contract: 'urn:rtw:partner:actiris:fia:v1',
        contentType: 'application/xml',
        causationId: referral.id,
      },
    });
    const fia = contracts.readMessage<FiaV1>('actiris', {
      body: prepared.data.body,
      contentType: prepared.data.contentType,
    });
    expect(fia).toMatchObject({
      messageId: prepared.id,
      dossierId: dossier.dossierId,
      referralId: (referral.data as { referralId: string }).referralId,
    });
    expect(fia.content).toMatchObject({
      personne: { niss: (opened.data.insured as { niss: string }).niss, langueContact: 'nl' },
      demande: { objet: 'inscription', demandeeLe: '2026-06-02' },
      coordinateur: { nom: 'Coordinator Example' },
      consentement: { donneLe: '2026-05-28' },
      echeancePresentation: '2026-09-02',
    });
  });

  it('sends nothing to Actiris for a Ghent resident referred to VDAB', async () => {
    const { dossier, opened, consent } = dossierAt(TEST_RESIDENCES.ghent);

    await deliver(opened, consent, regionalReferralRequested(dossier, 'vdab'));

    expect(await publishedRows(dossier)).toEqual([]);
  });

  it('withholds the FIA of a resident outside Brussels and tells the insurer why', async () => {
    const { dossier, opened, consent } = dossierAt(TEST_RESIDENCES.namur);
    const referral = regionalReferralRequested(dossier, 'actiris');
    await linked(dossier, referral);

    await deliver(opened, consent, referral);

    const rows = await publishedRows(dossier);
    expect(rows.map((row) => row.topic)).toEqual([notifyTopic('300')]);
    const [record] = await readTopicToEnd(notifyTopic('300'), [dossier.dossierId]);
    expect(fromKafkaMessage(record!)).toMatchObject({
      type: 'be.rtw.partner-message.withheld',
      data: { partner: 'actiris', reasonCode: 'NOT_COMPETENT', causationId: referral.id },
    });
  });

  it('withholds the FIA when the consent was withdrawn meanwhile, and tells the insurer why', async () => {
    const { dossier, opened, consent } = dossierAt(TEST_RESIDENCES.brussels);
    const referral = regionalReferralRequested(dossier, 'actiris');
    await linked(dossier, referral);
    // What the tracker writes when it accepts the withdrawal, before the connector reads the referral.
    await dataSource.query(
      `UPDATE "dossier_consents" SET "status" = 'withdrawn', "withdrawn_on" = current_date
       WHERE "dossier_id" = $1 AND "scope" = 'regional-service'`,
      [dossier.dossierId],
    );

    await deliver(opened, consent, referral, consentWithdrawn(dossier, 'regional-service'));

    const rows = await publishedRows(dossier);
    expect(rows.map((row) => row.topic)).toEqual([notifyTopic('300')]);
    const [record] = await readTopicToEnd(notifyTopic('300'), [dossier.dossierId]);
    const notice = fromKafkaMessage<{ message: string }>(record!);
    expect(notice).toMatchObject({
      type: 'be.rtw.partner-message.withheld',
      data: {
        reasonCode: 'CONSENT_WITHDRAWN',
        referralId: (referral.data as { referralId: string }).referralId,
      },
    });
    expect(notice.data.message).not.toContain((opened.data.insured as { niss: string }).niss);
    expect(connector.logs()).toContain('"reasonCode":"CONSENT_WITHDRAWN"');
    expect(connector.logs()).not.toContain((opened.data.insured as { lastName: string }).lastName);
  });

  it('prepares exactly one message when the same referral is delivered twice', async () => {
    const { dossier, opened, consent } = dossierAt(TEST_RESIDENCES.brussels);
    const referral = regionalReferralRequested(dossier, 'actiris');
    await linked(dossier, referral);

    await deliver(opened, consent, referral, referral);
    await deliver(referral);

    const rows = await publishedRows(dossier);
    expect(rows).toHaveLength(1);
    const records = await readTopicToEnd(TOPICS.outbound.actiris, [dossier.dossierId]);
    const ids = new Set(records.map((record) => fromKafkaMessage(record).id));
    expect([...ids]).toEqual([rows[0]!.id]);
  });

  it('counts what it prepared and withheld, by partner and reason', async () => {
    const metrics = await (await fetch(`${connector.url}/metrics`)).text();
    expect(metrics).toMatch(
      /rtw_connector_messages_prepared_total\{connector="actiris-connector",partner="actiris"[^}]*\} [1-9]/,
    );
    expect(metrics).toMatch(
      /rtw_connector_messages_withheld_total\{connector="actiris-connector",partner="actiris",reason="CONSENT_WITHDRAWN"[^}]*\} [1-9]/,
    );
  });
});
