import { notifyTopic, fromKafkaMessage } from '@rtw/messaging';
import {
  routeBSelfEmployedToActiris,
  waitUntil,
  watchTopics,
  type JsonEvent,
  type TopicWatcher,
} from '@rtw/testing';
import { BATCH, post } from '../../apps/gateway/src/testing/gateway.fixture';
import { startHub, type RunningHub } from '../support/hub.fixture';

const DAY = 86_400_000;
const ACTIRIS = 'regional:actiris';

interface LedgerRecord {
  idempotencyKey: string;
  dossierId?: string;
  attempts: number;
  acknowledged: number;
  processed: boolean;
}

/** A Brussels route B trajectory up to the referral to Actiris, dated so that today fits it. */
function referredToActiris(): { dossierId: string; events: JsonEvent[] } {
  const incapacityStart = new Date(Date.now() - 110 * DAY).toISOString().slice(0, 10);
  const { dossierId, events } = routeBSelfEmployedToActiris({ incapacityStart });
  const referral = events.findIndex((e) => e['type'] === 'be.rtw.regional.referral.requested');
  return { dossierId, events: events.slice(0, referral + 1) };
}

// The first partner end to end (issue "Delivery engine, partner sandbox and the Actiris FIA
// connector"): an insurer's referral of a Brussels resident reaches the sandbox playing Actiris as
// a signed FIA, and Actiris's answers come back through the gateway onto the dossier.
describe('a referral to Actiris, from the insurer to Actiris and back', () => {
  let hub: RunningHub;
  let watcher: TopicWatcher;

  beforeAll(async () => {
    hub = await startHub({ retryDelays: ['0s', '1s', '2s', '3s', '5s', '8s', '13s'] });
    watcher = await watchTopics([notifyTopic('100')]);
  });
  afterAll(async () => {
    await watcher?.close();
    if (hub) {
      const codes = await hub.stop();
      expect(Object.values(codes).every((code) => code === 0)).toBe(true);
    }
  });

  const submit = async (events: JsonEvent[]) => {
    const response = await post(`${hub.url('gateway')}/v1/events/batch`, events, {
      'content-type': BATCH,
      authorization: await hub.bearer('insurer:100'),
    });
    expect([response.status, response.body['accepted']]).toEqual([200, events.length]);
  };
  const ledger = async (): Promise<LedgerRecord[]> => {
    const response = await fetch(
      `${hub.url('partner-sandbox')}/control/deliveries?org=${encodeURIComponent(ACTIRIS)}`,
    );
    return ((await response.json()) as { deliveries: LedgerRecord[] }).deliveries;
  };
  const control = (body: Record<string, unknown>) =>
    fetch(`${hub.url('partner-sandbox')}/control/partners/${encodeURIComponent(ACTIRIS)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const versionOf = async (dossierId: string) =>
    ((
      await hub.db.query(`SELECT "version" FROM "dossiers" WHERE "dossier_id" = $1`, [dossierId])
    )[0]?.version as number | undefined) ?? 0;
  const presentationDeadline = async (dossierId: string) =>
    (
      await hub.db.query(
        `SELECT "status" FROM "dossier_deadlines"
         WHERE "dossier_id" = $1 AND "rule_id" = 'regional-actiris-presentation'`,
        [dossierId],
      )
    ).map((row: { status: string }) => row.status);

  it('delivers the FIA once, takes the acknowledgement and the presentation back, meets the 3-month deadline and tells the insurer', async () => {
    const { dossierId, events } = referredToActiris();

    await submit(events);

    await waitUntil(
      async () => (await ledger()).some((r) => r.dossierId === dossierId && r.processed),
      'the FIA at the sandbox',
      120_000,
    );
    // Both answers accepted: the referral's events plus acknowledgement and presentation.
    await waitUntil(
      async () => (await versionOf(dossierId)) === events.length + 2,
      'the answers on the dossier',
      120_000,
    );
    expect(await presentationDeadline(dossierId)).toEqual(['met']);
    const fias = (await ledger()).filter((r) => r.dossierId === dossierId);
    expect(fias.map((r) => [r.processed, r.acknowledged])).toEqual([[true, 1]]);
    const told = await watcher.waitFor(
      (r) =>
        r.key?.toString() === dossierId &&
        ['be.rtw.regional.registration.acknowledged', 'be.rtw.regional.insured.presented'].includes(
          fromKafkaMessage(r).type,
        ),
      2,
      60_000,
    );
    expect(told.map((r) => fromKafkaMessage(r).type).sort()).toEqual([
      'be.rtw.regional.insured.presented',
      'be.rtw.regional.registration.acknowledged',
    ]);
  });

  it('delivers every FIA exactly once while Actiris fails 30 % of requests and is down for a while', async () => {
    const first = Array.from({ length: 4 }, referredToActiris);
    const second = Array.from({ length: 4 }, referredToActiris);

    expect((await control({ mode: 'error-5xx', failureRate: 0.3, seed: 11 })).status).toBe(200);
    await submit(first.flatMap((t) => t.events));
    expect(
      (await control({ mode: 'down', failureRate: 1, untilMs: Date.now() + 4_000 })).status,
    ).toBe(200);
    await submit(second.flatMap((t) => t.events));

    const dossiers = [...first, ...second].map((t) => t.dossierId);
    await waitUntil(
      async () => {
        const records = await ledger();
        return dossiers.every((id) => records.some((r) => r.dossierId === id && r.processed));
      },
      'every FIA processed by the sandbox',
      180_000,
    );
    const records = (await ledger()).filter((r) => r.dossierId && dossiers.includes(r.dossierId));
    // One idempotency key per dossier, processed once however many attempts it took.
    expect(records).toHaveLength(dossiers.length);
    expect(records.every((r) => r.processed)).toBe(true);
    expect(records.some((r) => r.attempts > 1)).toBe(true);
    for (const { dossierId, events } of [...first, ...second])
      await waitUntil(
        async () => (await versionOf(dossierId)) === events.length + 2,
        'the answers on every dossier',
        120_000,
      );
  });
});
