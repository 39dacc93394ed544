import { randomUUID } from 'node:crypto';
import {
  headerText,
  consumeN,
  linkDossierToPartner,
  readTopicToEnd,
  waitUntil,
} from '@rtw/testing';
import { dlqTopic } from '@rtw/messaging';
import {
  QUICK_SCHEDULE,
  createDeliveryTestSetup,
  messageRow,
  preparedMessage,
  publishPrepared,
  receiptsFor,
  startDelivery,
  waitForStatus,
  type DeliveryTestSetup,
  type RunningDelivery,
} from '../testing/delivery.fixture';
import { outboundTopic } from '../queue/outbound.topics';

const ACTIRIS = { organisationId: 'regional:actiris', partner: 'actiris' } as const;
const VDAB = { organisationId: 'regional:vdab', partner: 'vdab' } as const;
const CPMT = { organisationId: 'cpmt:0403170701', partner: 'cpmt' } as const;

describe('delivery to partner organisations', () => {
  let setup: DeliveryTestSetup;
  let delivery: RunningDelivery;

  beforeAll(async () => {
    setup = await createDeliveryTestSetup({
      organisations: [
        { id: ACTIRIS.organisationId, partner: 'actiris', retrySchedule: QUICK_SCHEDULE },
        {
          id: VDAB.organisationId,
          partner: 'vdab',
          retrySchedule: QUICK_SCHEDULE,
          limits: { concurrency: 2 },
        },
        { id: CPMT.organisationId, partner: 'cpmt', retrySchedule: QUICK_SCHEDULE },
      ],
    });
    delivery = await startDelivery(setup);
  });

  afterAll(async () => {
    await delivery?.close();
    await setup?.close();
  });

  async function linked(message: { organisationId: string }, dossierId = randomUUID()) {
    const [kind, code] = message.organisationId.split(':') as ['cpmt' | 'regional', string];
    await linkDossierToPartner(setup.dataSource, { dossierId, partner: { kind, code } });
    return dossierId;
  }

  it('delivers a signed message once and publishes a success receipt', async () => {
    const event = preparedMessage({ ...ACTIRIS, dossierId: await linked(ACTIRIS) });
    await publishPrepared(setup, [event]);
    await waitForStatus(setup, [event.id], 'delivered');

    const received = setup.partner.requests.filter((r) => r.key === event.id);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      path: '/regional/actiris/messages',
      signatureValid: true,
      contentType: 'application/json',
      body: event.data.body,
    });
    const receipts = await receiptsFor([event.id]);
    expect(receipts.get(event.id)).toMatchObject({
      type: 'be.rtw.delivery.succeeded',
      dataschema: 'urn:rtw:schema:be.rtw.delivery.succeeded:v2',
      subject: event.subject,
      data: {
        partner: 'actiris',
        organisation: { kind: 'regional', code: 'actiris' },
        messageId: event.id,
        attempts: 1,
        httpStatus: 200,
        causationId: event.data.causationId,
      },
    });
    const [attempt] = (await setup.dataSource.query(
      `SELECT "outcome", "http_status", "request", "response_excerpt" FROM "delivery_attempts" WHERE "message_id" = $1`,
      [event.id],
    )) as Array<Record<string, unknown>>;
    expect(attempt).toMatchObject({
      outcome: 'delivered',
      http_status: 200,
      request: { method: 'POST', idempotencyKey: event.id, contentType: 'application/json' },
      response_excerpt: '{"status":"received"}',
    });
  });

  it('dead-letters a message the partner refuses with 422, with the reason, a failed receipt and a DLQ copy', async () => {
    setup.partner.respond('/regional/actiris/', (request) =>
      request.body.includes('"sequence":422')
        ? { status: 422, body: '{"error":"form incomplete"}' }
        : { status: 200 },
    );
    const event = preparedMessage({ ...ACTIRIS, dossierId: await linked(ACTIRIS), sequence: 422 });
    await publishPrepared(setup, [event]);
    await waitForStatus(setup, [event.id], 'dead-lettered');

    expect(await messageRow(setup, event.id)).toMatchObject({
      attempts: 1,
      reason_code: 'PARTNER_REJECTED',
      last_http_status: 422,
    });
    const receipts = await receiptsFor([event.id]);
    expect(receipts.get(event.id)?.data).toMatchObject({
      reasonCode: 'PARTNER_REJECTED',
      outcome: 'dead-lettered',
      httpStatus: 422,
      attempts: 1,
    });
    const dlq = dlqTopic(outboundTopic(setup.topicPattern, 'actiris'));
    const [copy] = await consumeN(dlq, 1);
    expect(headerText(copy!.headers, 'ce_id')).toBe(event.id);
    expect(headerText(copy!.headers, 'dlq-error-code')).toBe('PARTNER_REJECTED');
    setup.partner.respond('/regional/actiris/', () => ({ status: 200 }));
  });

  it('refuses to send without consent, tells the insurer why through the failed receipt, and sends nothing', async () => {
    const dossierId = randomUUID();
    await linkDossierToPartner(setup.dataSource, {
      dossierId,
      partner: { kind: 'regional', code: 'vdab' },
      consent: false,
    });
    const event = preparedMessage({ ...VDAB, dossierId });
    await publishPrepared(setup, [event]);
    await waitForStatus(setup, [event.id], 'refused');

    expect(setup.partner.requests.filter((r) => r.key === event.id)).toEqual([]);
    expect(await messageRow(setup, event.id)).toMatchObject({
      attempts: 0,
      reason_code: 'CONSENT_MISSING',
    });
    expect((await receiptsFor([event.id])).get(event.id)).toMatchObject({
      type: 'be.rtw.delivery.failed',
      data: { reasonCode: 'CONSENT_MISSING', outcome: 'refused', attempts: 0 },
    });
  });

  it('refuses a message for a relation that has ended (NOT_LINKED), and one that breaks its contract', async () => {
    const dossierId = randomUUID();
    await linkDossierToPartner(setup.dataSource, {
      dossierId,
      partner: { kind: 'cpmt', code: '0403170701' },
      ended: true,
    });
    const ended = preparedMessage({ ...CPMT, dossierId });
    const invalid = preparedMessage({ ...CPMT, dossierId: await linked(CPMT), body: '{"form":1}' });
    await publishPrepared(setup, [ended, invalid]);
    await waitForStatus(setup, [ended.id, invalid.id], 'refused');

    expect((await messageRow(setup, ended.id))?.['reason_code']).toBe('NOT_LINKED');
    expect((await messageRow(setup, invalid.id))?.['reason_code']).toBe('CONTRACT_VIOLATION');
    expect(setup.partner.requests.filter((r) => [ended.id, invalid.id].includes(r.key))).toEqual(
      [],
    );
  });

  it('honours a 429’s Retry-After: the next attempt waits that long by the process clock', async () => {
    const event = preparedMessage({ ...CPMT, dossierId: await linked(CPMT) });
    setup.partner.respond('/cpmt/', (request) =>
      request.key === event.id ? { status: 429, retryAfter: '120' } : { status: 200 },
    );
    await publishPrepared(setup, [event]);
    await waitUntil(
      async () =>
        (await messageRow(setup, event.id))?.['last_error_code'] === 'PARTNER_RATE_LIMITED',
      'the throttled attempt recorded',
    );
    const row = await messageRow(setup, event.id);
    const waitMs = (row!['next_attempt_at'] as Date).getTime() - delivery.clock.now().getTime();
    expect(waitMs).toBeGreaterThan(100_000);
    expect(waitMs).toBeLessThanOrEqual(120_000);

    setup.partner.respond('/cpmt/', () => ({ status: 200 }));
    delivery.clock.advance(121_000);
    await waitForStatus(setup, [event.id], 'delivered');
    expect(await messageRow(setup, event.id)).toMatchObject({ attempts: 2 });
  });

  it('keeps a dossier’s order: a later message waits while an earlier one is retried', async () => {
    const dossierId = await linked(ACTIRIS);
    const first = preparedMessage({ ...ACTIRIS, dossierId, sequence: 1 });
    const second = preparedMessage({ ...ACTIRIS, dossierId, sequence: 2 });
    let failuresLeft = 2;
    setup.partner.respond('/regional/actiris/', (request) =>
      request.key === first.id && failuresLeft-- > 0 ? { status: 503 } : { status: 200 },
    );
    await publishPrepared(setup, [first, second]);
    await waitForStatus(setup, [first.id, second.id], 'delivered');

    const order = setup.partner.requests
      .filter((r) => [first.id, second.id].includes(r.key))
      .map((r) => (r.key === first.id ? 'first' : 'second'));
    expect(order).toEqual(['first', 'first', 'first', 'second']);
    expect(await messageRow(setup, first.id)).toMatchObject({ attempts: 3 });
    setup.partner.respond('/regional/actiris/', () => ({ status: 200 }));
  });

  it('delivers to one organisation while another hangs: one partner’s outage never delays another', async () => {
    let release!: () => void;
    const held = new Promise<{ status: number }>(
      (resolve) => (release = () => resolve({ status: 200 })),
    );
    setup.partner.respond('/regional/vdab/', () => ({ hold: held }));
    const stuck = await Promise.all(
      [1, 2, 3].map(async (sequence) =>
        preparedMessage({ ...VDAB, dossierId: await linked(VDAB), sequence }),
      ),
    );
    const flowing = await Promise.all(
      [1, 2, 3, 4, 5].map(async (sequence) =>
        preparedMessage({ ...CPMT, dossierId: await linked(CPMT), sequence }),
      ),
    );
    await publishPrepared(setup, stuck);
    await waitUntil(
      () => setup.partner.requests.filter((r) => r.path.startsWith('/regional/vdab/')).length >= 2,
      'VDAB requests hanging',
    );
    await publishPrepared(setup, flowing);
    await waitForStatus(
      setup,
      flowing.map((e) => e.id),
      'delivered',
    );

    const vdabDone = await setup.dataSource.query(
      `SELECT count(*)::int AS "n" FROM "delivery_messages" WHERE "id" = ANY($1) AND "status" = 'delivered'`,
      [stuck.map((e) => e.id)],
    );
    expect(vdabDone[0].n).toBe(0);
    release();
    await waitForStatus(
      setup,
      stuck.map((e) => e.id),
      'delivered',
    );
    setup.partner.respond('/regional/vdab/', () => ({ status: 200 }));
  });

  it('queues a fetched batch in one go: a record that is no partner message is dead-lettered alone, a repeated one is queued once', async () => {
    const dossierId = await linked(ACTIRIS);
    const first = preparedMessage({ ...ACTIRIS, dossierId, sequence: 1 });
    const second = preparedMessage({ ...ACTIRIS, dossierId, sequence: 2 });
    const foreign = {
      ...preparedMessage({ ...ACTIRIS, dossierId }),
      source: 'urn:rtw:org:insurer:100',
    };
    // One produce request: the records arrive in one fetched batch of the partition.
    await publishPrepared(setup, [first, foreign, first, second]);
    await waitForStatus(setup, [first.id, second.id], 'delivered');

    const keys = setup.partner.requests
      .map((request) => request.key)
      .filter((key) => [first.id, second.id, foreign.id].includes(key));
    expect(keys).toEqual([first.id, second.id]); // in order, each once
    expect(await messageRow(setup, foreign.id)).toBeUndefined();
    const dlq = dlqTopic(outboundTopic(setup.topicPattern, 'actiris'));
    const copies = (await readTopicToEnd(dlq, [dossierId])).filter(
      (record) => headerText(record.headers, 'ce_id') === foreign.id,
    );
    expect(copies).toHaveLength(1);
    expect(headerText(copies[0]!.headers, 'dlq-error-code')).toMatch(/^MESSAGE_/);
  });
});
