import { ContractRegistry } from '@rtw/contracts';
import type { CloudEvent } from '@rtw/messaging';
import { PartnerContracts } from '@rtw/partners';
import { systemClock } from '@rtw/platform';
import {
  TEST_RESIDENCES,
  captureLogger,
  consentGiven,
  createTestDataSource,
  dossierOpened,
  dossierPurged,
  linkDossierToPartner,
  newDossier,
  regionalReferralRequested,
  type DossierAddress,
} from '@rtw/testing';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { connectorMetrics } from '../metrics/connector.metrics';
import { InsurerContacts } from '../reference-data/insurer-contacts';
import { regionalReferralTranslator } from '../referral/regional-referral.translator';
import { ConnectorProcessor } from './connector.processor';

// A connector name of its own, so rows of other test files never mix with these.
const CONNECTOR = `test-connector-${process.pid}-${Date.now().toString(36)}`;

let dataSource: DataSource;
let partnerContracts: PartnerContracts;
let processor: ConnectorProcessor;
const registry = new Registry();
const { logger, lines } = captureLogger();
const dossiers: string[] = [];

/** A fresh dossier, remembered for the clean-up. */
function dossierFor(insurer?: string): DossierAddress {
  const dossier = newDossier(insurer);
  dossiers.push(dossier.dossierId);
  return dossier;
}

beforeAll(async () => {
  dataSource = await createTestDataSource();
  partnerContracts = await PartnerContracts.load();
  processor = new ConnectorProcessor({
    connector: CONNECTOR,
    translator: regionalReferralTranslator(['actiris']),
    dataSource,
    contracts: ContractRegistry.load(),
    partnerContracts,
    insurerContacts: InsurerContacts.of([]),
    clock: systemClock,
    logger: logger as never,
    metrics: connectorMetrics(registry),
  });
});
afterAll(async () => {
  // No relay runs here: its rows would otherwise wait for the next relay on this database.
  await dataSource?.query(`DELETE FROM "outbox" WHERE "message_key" = ANY($1::text[])`, [dossiers]);
  await dataSource?.query(`DELETE FROM "connector_processed_events" WHERE "connector" = $1`, [
    CONNECTOR,
  ]);
  await dataSource?.query(`DELETE FROM "connector_dossier_views" WHERE "connector" = $1`, [
    CONNECTOR,
  ]);
  await dataSource?.destroy();
  await partnerContracts?.dispose();
});

/** The outbox rows about a dossier, oldest first. */
async function outboxOf(dossier: DossierAddress) {
  const rows: Array<{ topic: string; headers: Record<string, string>; payload: Buffer }> =
    await dataSource.query(
      `SELECT "topic", "headers", "payload" FROM "outbox" WHERE "message_key" = $1 ORDER BY "seq"`,
      [dossier.dossierId],
    );
  return rows.map((row) => ({
    topic: row.topic,
    id: row.headers['ce_id'],
    type: row.headers['ce_type'],
    data: JSON.parse(row.payload.toString('utf8')) as Record<string, unknown>,
  }));
}

async function viewOf(dossier: DossierAddress) {
  const rows: Array<{ version: number; view: { consents: object } }> = await dataSource.query(
    `SELECT "version", "view" FROM "connector_dossier_views"
     WHERE "connector" = $1 AND "dossier_id" = $2`,
    [CONNECTOR, dossier.dossierId],
  );
  return rows[0];
}

/** A Brussels resident with consent, linked to Actiris, and an Actiris referral. */
async function brusselsReferral(): Promise<{ dossier: DossierAddress; events: CloudEvent[] }> {
  const dossier = dossierFor('300');
  const referral = regionalReferralRequested(dossier, 'actiris');
  await linkDossierToPartner(dataSource, {
    dossierId: dossier.dossierId,
    partner: { kind: 'regional', code: 'actiris' },
    referralId: (referral.data as { referralId: string }).referralId,
  });
  return {
    dossier,
    events: [
      dossierOpened(dossier, { residence: TEST_RESIDENCES.brussels }),
      consentGiven(dossier, 'regional-service'),
      referral,
    ],
  };
}

describe('a connector’s batch on the real database', () => {
  it('keeps the view and hands the FIA to delivery through the outbox, in one batch', async () => {
    const { dossier, events } = await brusselsReferral();

    await processor.process(events);

    const outbox = await outboxOf(dossier);
    expect(outbox).toEqual([
      expect.objectContaining({
        topic: 'rtw.outbound.actiris.v1',
        type: 'be.rtw.partner-message.prepared',
        data: expect.objectContaining({ messageType: 'fia', causationId: events[2]!.id }),
      }),
    ]);
    expect(await viewOf(dossier)).toEqual({
      version: 2,
      view: expect.objectContaining({ consents: { 'regional-service': '2026-05-28' } }),
    });
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        fields: expect.objectContaining({ dossierId: dossier.dossierId, messageId: outbox[0]!.id }),
      }),
    );
  });

  it('writes nothing more when the same events come again, alone or in one batch twice', async () => {
    const { dossier, events } = await brusselsReferral();
    await processor.process([...events, events[2]!]);
    const first = await outboxOf(dossier);

    await processor.process(events);
    await processor.process([events[2]!]);

    expect(first).toHaveLength(1);
    expect(await outboxOf(dossier)).toEqual(first);
    expect((await viewOf(dossier))?.version).toBe(2);
  });

  it('applies the events of a dossier across batches in order, and forgets it when purged', async () => {
    const { dossier, events } = await brusselsReferral();
    await processor.process(events.slice(0, 1));
    await processor.process(events.slice(1));
    expect(await outboxOf(dossier)).toHaveLength(1);
    expect((await viewOf(dossier))?.version).toBe(2);

    await processor.process([dossierPurged(dossier)]);

    expect(await viewOf(dossier)).toBeUndefined();
  });

  it('tells the insurer, on its topic, when the dossier was never seen; counts it by reason', async () => {
    const dossier = dossierFor('200');
    const referral = regionalReferralRequested(dossier, 'actiris');

    await processor.process([referral]);

    expect(await outboxOf(dossier)).toEqual([
      expect.objectContaining({
        topic: 'rtw.notify.200.v1',
        type: 'be.rtw.partner-message.withheld',
        data: expect.objectContaining({ reasonCode: 'DOSSIER_UNKNOWN', causationId: referral.id }),
      }),
    ]);
    expect(await registry.metrics()).toContain(
      `rtw_connector_messages_withheld_total{connector="${CONNECTOR}",partner="actiris",reason="DOSSIER_UNKNOWN"} 1`,
    );
  });

  it('ignores the events that are not its business without touching the database', async () => {
    const dossier = dossierFor();
    await processor.process([regionalReferralRequested(dossier, 'vdab')]);
    expect(await outboxOf(dossier)).toEqual([]);
  });
});
