import { randomUUID } from 'node:crypto';
import { linkDossierToPartner } from '@rtw/testing';
import {
  createDeliveryTestSetup,
  messageRow,
  preparedMessage,
  publishPrepared,
  startDelivery,
  waitForAttempts,
  waitForStatus,
  type DeliveryTestSetup,
  type RunningDelivery,
} from '../testing/delivery.fixture';

const FOREM = { organisationId: 'regional:forem', partner: 'forem' } as const;
const MINUTE = 60_000;

describe('a partner down for an hour (simulated with the process clock)', () => {
  let setup: DeliveryTestSetup;
  let delivery: RunningDelivery;

  beforeAll(async () => {
    setup = await createDeliveryTestSetup({
      organisations: [
        {
          id: FOREM.organisationId,
          partner: 'forem',
          // The default schedule without jitter, so that moving the clock makes each step due.
          retrySchedule: { delays: ['0s', '10s', '1m', '10m', '1h', '6h', '24h'], jitter: 0 },
          limits: { circuit: { halfOpenAfter: '200ms' } },
        },
      ],
    });
    delivery = await startDelivery(setup);
  });

  afterAll(async () => {
    await delivery?.close();
    await setup?.close();
  });

  it('retries on the schedule, loses nothing, and delivers each message exactly once when it is back', async () => {
    setup.partner.respond('/regional/forem/', () => ({ status: 503 }));
    const events = await Promise.all(
      [1, 2].map(async (sequence) => {
        const dossierId = randomUUID();
        await linkDossierToPartner(setup.dataSource, {
          dossierId,
          partner: { kind: 'regional', code: 'forem' },
        });
        return preparedMessage({ ...FOREM, dossierId, sequence });
      }),
    );
    await publishPrepared(setup, events);

    // At once, then after 10 s, 1 min and 10 min of process time: four failed attempts each.
    for (const [attempts, advanceMs] of [
      [1, 0],
      [2, 10_000],
      [3, MINUTE],
      [4, 10 * MINUTE],
    ] as const) {
      delivery.clock.advance(advanceMs);
      for (const event of events) await waitForAttempts(setup, event.id, attempts);
    }
    for (const event of events)
      expect(await messageRow(setup, event.id)).toMatchObject({
        status: 'pending',
        attempts: 4,
        last_error_code: 'PARTNER_UNAVAILABLE',
      });

    // The partner comes back during the hour; the next attempt is due an hour later.
    setup.partner.respond('/regional/forem/', () => ({ status: 202 }));
    delivery.clock.advance(61 * MINUTE);
    await waitForStatus(
      setup,
      events.map((e) => e.id),
      'delivered',
    );

    for (const event of events) {
      expect(setup.partner.acceptedPerKey.get(event.id)).toBe(1);
      expect(await messageRow(setup, event.id)).toMatchObject({
        attempts: 5,
        last_http_status: 202,
      });
    }
    expect(setup.partner.processed.filter((key) => events.some((e) => e.id === key))).toHaveLength(
      2,
    );
  });
});
