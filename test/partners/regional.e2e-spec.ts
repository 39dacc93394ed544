import {
  REGIONAL_RESIDENCES,
  routeBToRegionalService,
  waitUntil,
  type JsonEvent,
  type RegionalResidence,
} from '@rtw/testing';
import { BATCH, post } from '../../apps/gateway/src/testing/gateway.fixture';
import { startHub, type RunningHub } from '../support/hub.fixture';

const DAY = 86_400_000;

interface LedgerRecord {
  dossierId?: string;
  attempts: number;
  acknowledged: number;
  processed: boolean;
}

/** A route B trajectory up to the referral to the service competent for the residence. */
function referredTo(residence: RegionalResidence): { dossierId: string; events: JsonEvent[] } {
  const incapacityStart = new Date(Date.now() - 110 * DAY).toISOString().slice(0, 10);
  const { dossierId, events } = routeBToRegionalService(residence, { incapacityStart });
  const referral = events.findIndex((e) => e['type'] === 'be.rtw.regional.referral.requested');
  return { dossierId, events: events.slice(0, referral + 1) };
}

// Issue "CPMT and regional connectors": each regional service receives its own form, in its own
// language and format, validated by the sandbox against that service's contract, and answers back
// through the gateway onto the dossier; one service down never holds up the others.
describe('referrals to VDAB, Le Forem and ADG, from the insurer to the service and back', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    // Retries that outlast a slow machine: VDAB's outage must not exhaust them.
    hub = await startHub({
      retryDelays: ['0s', '1s', '2s', '3s', '5s', '8s', '13s', '20s', '30s', '30s', '30s', '30s'],
    });
  });
  afterAll(async () => {
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
  const ledger = async (service: string): Promise<LedgerRecord[]> => {
    const org = encodeURIComponent(`regional:${service}`);
    const response = await fetch(`${hub.url('partner-sandbox')}/control/deliveries?org=${org}`);
    return ((await response.json()) as { deliveries: LedgerRecord[] }).deliveries;
  };
  const control = (service: string, body: Record<string, unknown>) =>
    fetch(
      `${hub.url('partner-sandbox')}/control/partners/${encodeURIComponent(`regional:${service}`)}`,
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
  const versionOf = async (dossierId: string) =>
    ((
      await hub.db.query(`SELECT "version" FROM "dossiers" WHERE "dossier_id" = $1`, [dossierId])
    )[0]?.version as number | undefined) ?? 0;
  const processedAt = async (service: string, dossierId: string) =>
    (await ledger(service)).filter((r) => r.dossierId === dossierId && r.processed);

  it.each([
    ['VDAB, for a Ghent resident, in Dutch', REGIONAL_RESIDENCES.vdab],
    ['Le Forem, for a Namur resident, in French', REGIONAL_RESIDENCES.forem],
    ['ADG, for an Eupen resident, in German', REGIONAL_RESIDENCES.adg],
  ])(
    'delivers the form to %s once, and takes the acknowledgement and the presentation back onto the dossier',
    async (_name, residence) => {
      const { dossierId, events } = referredTo(residence);

      await submit(events);

      await waitUntil(
        async () => (await processedAt(residence.service, dossierId)).length > 0,
        `the form at the sandbox playing ${residence.service}`,
        120_000,
      );
      await waitUntil(
        async () => (await versionOf(dossierId)) === events.length + 2,
        'the answers on the dossier',
        120_000,
      );
      const forms = (await ledger(residence.service)).filter((r) => r.dossierId === dossierId);
      expect(forms.map((r) => [r.processed, r.acknowledged])).toEqual([[true, 1]]);
      // Only the competent service heard of it.
      for (const other of ['actiris', 'vdab', 'forem', 'adg'].filter(
        (service) => service !== residence.service,
      ))
        expect(await processedAt(other, dossierId)).toEqual([]);
    },
  );

  it('keeps delivering to Le Forem while VDAB is down, and delivers to VDAB once it is back, nothing lost or doubled', async () => {
    expect((await control('vdab', { mode: 'down', failureRate: 1 })).status).toBe(200);
    const flemish = Array.from({ length: 3 }, () => referredTo(REGIONAL_RESIDENCES.vdab));
    const walloon = Array.from({ length: 3 }, () => referredTo(REGIONAL_RESIDENCES.forem));
    await submit([...flemish, ...walloon].flatMap((t) => t.events));

    const failedAttempts = async (dossierIds: string[]) =>
      (
        (await hub.db.query(
          `SELECT DISTINCT m."dossier_id" FROM "delivery_attempts" a
           JOIN "delivery_messages" m ON m."id" = a."message_id"
           WHERE m."dossier_id" = ANY($1) AND a."outcome" = 'retryable'`,
          [dossierIds],
        )) as unknown[]
      ).length;
    // Le Forem receives everything while every VDAB form has met the outage at least once.
    await waitUntil(
      async () => {
        const processed = await Promise.all(
          walloon.map(async (t) => (await processedAt('forem', t.dossierId)).length),
        );
        return (
          processed.every((n) => n === 1) &&
          (await failedAttempts(flemish.map((t) => t.dossierId))) === flemish.length
        );
      },
      'every form at Le Forem, and every VDAB form refused by the outage',
      120_000,
    );
    const vdabMeanwhile = await Promise.all(
      flemish.map(async (t) => (await processedAt('vdab', t.dossierId)).length),
    );
    expect(vdabMeanwhile).toEqual([0, 0, 0]);

    expect((await control('vdab', { mode: 'ok' })).status).toBe(200);
    await waitUntil(
      async () => {
        const records = await ledger('vdab');
        return flemish.every((t) =>
          records.some((r) => r.dossierId === t.dossierId && r.processed),
        );
      },
      'every form at VDAB once it is back',
      180_000,
    );
    const records = (await ledger('vdab')).filter((r) =>
      flemish.some((t) => t.dossierId === r.dossierId),
    );
    expect(records.map((r) => [r.processed, r.acknowledged])).toEqual([
      [true, 1],
      [true, 1],
      [true, 1],
    ]);
    // The sandbox never saw the refused connections; delivery's attempt log did. Delivery writes
    // its settlements in groups, so the successful attempts may land after VDAB processed them.
    const attemptsOf = async (outcome: string): Promise<number> =>
      (
        await hub.db.query(
          `SELECT count(DISTINCT m."dossier_id")::int AS n FROM "delivery_attempts" a
           JOIN "delivery_messages" m ON m."id" = a."message_id"
           WHERE m."dossier_id" = ANY($1) AND a."outcome" = $2`,
          [flemish.map((t) => t.dossierId), outcome],
        )
      )[0].n as number;
    await waitUntil(
      async () => (await attemptsOf('delivered')) === flemish.length,
      "every VDAB form's successful attempt in delivery's log",
      60_000,
    );
    expect(await attemptsOf('retryable')).toBe(flemish.length);
  });
});
