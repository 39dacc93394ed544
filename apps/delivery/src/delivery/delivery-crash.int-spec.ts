import { randomUUID } from 'node:crypto';
import {
  linkDossierToPartner,
  startAppProcess,
  waitForReady,
  waitUntil,
  type AppProcess,
} from '@rtw/testing';
import {
  createDeliveryTestSetup,
  preparedMessage,
  publishPrepared,
  waitForStatus,
  type DeliveryTestSetup,
} from '../testing/delivery.fixture';

const ORGANISATIONS = [
  { organisationId: 'regional:actiris', partner: 'actiris', kind: 'regional', code: 'actiris' },
  { organisationId: 'cpmt:0403170701', partner: 'cpmt', kind: 'cpmt', code: '0403170701' },
] as const;
const DOSSIERS_PER_ORGANISATION = 15;
const MESSAGES_PER_DOSSIER = 4;
const CONCURRENCY = 4;
/** Messages under way per request place (ADR 0062): what one instance may hold leased at a kill. */
const TURNS_PER_PLACE = 4;

describe('the delivery process killed during a burst while the partner fails 30 % of requests', () => {
  let setup: DeliveryTestSetup;
  let running: AppProcess | undefined;

  beforeAll(async () => {
    // Fast retries and a tolerant circuit: the point is crash safety, not the schedule.
    const limits = {
      concurrency: CONCURRENCY,
      timeout: '2s',
      circuit: { failureRate: 0.9, halfOpenAfter: '200ms' },
    };
    const retrySchedule = { delays: ['0s', ...Array<string>(14).fill('150ms')], jitter: 0 };
    setup = await createDeliveryTestSetup({
      organisations: ORGANISATIONS.map((o) => ({
        id: o.organisationId,
        partner: o.partner,
        limits,
        retrySchedule,
      })),
      env: { DELIVERY_LEASE_MARGIN_MS: '500', DELIVERY_TURNS_PER_PLACE: String(TURNS_PER_PLACE) },
    });
    let requestNumber = 0;
    // Three requests in ten fail with 500, deterministically, wherever they go.
    setup.partner.respond('*', () =>
      requestNumber++ % 10 < 3 ? { status: 500 } : { status: 200 },
    );
  });

  afterAll(async () => {
    await running?.stop('SIGKILL');
    await setup?.close();
  });

  async function start(): Promise<AppProcess> {
    const app = await startAppProcess({
      name: 'delivery',
      portKey: 'DELIVERY_PORT',
      env: setup.env,
    });
    await waitForReady(app.url, {
      components: ['delivery-intake', 'delivery-dispatcher'],
      timeoutMs: 90_000,
    });
    return app;
  }

  it('delivers every message, and the receiver processes each idempotency key exactly once', async () => {
    const events = [];
    for (const organisation of ORGANISATIONS) {
      for (let d = 0; d < DOSSIERS_PER_ORGANISATION; d += 1) {
        const dossierId = randomUUID();
        await linkDossierToPartner(setup.dataSource, {
          dossierId,
          partner: { kind: organisation.kind, code: organisation.code },
        });
        for (let sequence = 1; sequence <= MESSAGES_PER_DOSSIER; sequence += 1)
          events.push(preparedMessage({ ...organisation, dossierId, sequence }));
      }
    }
    const total = events.length;
    running = await start();
    await publishPrepared(setup, events);
    await waitUntil(
      () => setup.partner.processed.length >= total / 3,
      'a third of the burst delivered',
      60_000,
    );

    expect(await running.stop('SIGKILL')).toBe('SIGKILL');
    const processedAtKill = setup.partner.processed.length;
    expect(processedAtKill).toBeLessThan(total);
    running = await start();
    await waitForStatus(
      setup,
      events.map((e) => e.id),
      'delivered',
      120_000,
    );

    const keys = events.map((e) => e.id);
    expect(new Set(setup.partner.processed).size).toBe(setup.partner.processed.length);
    expect([...setup.partner.processed].sort()).toEqual([...keys].sort());
    // A key answered more than once was under way at the kill (answered, not yet settled): at
    // most the leased messages, CONCURRENCY x TURNS_PER_PLACE per organisation.
    const repeated = keys.filter((key) => (setup.partner.acceptedPerKey.get(key) ?? 0) > 1);
    expect(repeated.length).toBeLessThanOrEqual(
      ORGANISATIONS.length * CONCURRENCY * TURNS_PER_PLACE,
    );
    // And each dossier's messages reached the partner in order.
    for (const organisation of ORGANISATIONS) {
      const firstSeen = new Map<string, number>();
      for (const request of setup.partner.requests)
        if (!firstSeen.has(request.key)) firstSeen.set(request.key, firstSeen.size);
      const byDossier = new Map<string, number[]>();
      for (const event of events.filter((e) => e.data.partner === organisation.partner))
        byDossier.set(event.subject, [
          ...(byDossier.get(event.subject) ?? []),
          firstSeen.get(event.id)!,
        ]);
      for (const positions of byDossier.values())
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
  });
});
