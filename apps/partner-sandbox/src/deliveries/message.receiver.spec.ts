import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';
import { OffsetClock } from '@rtw/platform';
import { InamiDatasetContract, PartnerContracts, type ReadMessage } from '@rtw/partners';
import { FaultControls } from '../faults/fault.controls';
import { sandboxOrganisations } from '../organisations/sandbox-organisations';
import { StandardWebhooksVerifier } from '../signatures/delivery-signature.verifier';
import { newSecret, signedHeaders } from '../testing/sandbox.fixture';
import { DeliveryLedger } from './delivery.ledger';
import { MessageReceiver } from './message.receiver';

const example = (partner: string, file: string) =>
  readFileSync(join(locateSchemasDir(), 'partners', partner, 'examples', 'valid', file), 'utf8');

describe('a partner receiving a delivery', () => {
  const organisations = sandboxOrganisations(['0543107453']);
  const byId = (id: string) => organisations.find((organisation) => organisation.id === id)!;
  const actiris = byId('regional:actiris');
  const cpmt = byId('cpmt:0543107453');
  const inami = byId('inami:inami');
  const secret = newSecret();
  const clock = new OffsetClock();
  let contracts: PartnerContracts;
  let ledger: DeliveryLedger;
  let faults: FaultControls;
  let scheduled: Array<{ organisation: string; message: ReadMessage; malformed: boolean }>;
  let receiver: MessageReceiver;

  beforeAll(async () => {
    contracts = await PartnerContracts.load();
  });
  afterAll(() => contracts.dispose());
  beforeEach(() => {
    ledger = new DeliveryLedger();
    faults = new FaultControls(1);
    scheduled = [];
    receiver = new MessageReceiver({
      contracts,
      secrets: new Map(organisations.map((organisation) => [organisation.id, [secret]])),
      verifier: new StandardWebhooksVerifier(),
      ledger,
      faults,
      callbacks: {
        schedule: ({ organisation, message, malformed }) =>
          void scheduled.push({ organisation: organisation.id, message, malformed }),
      },
      clock,
      maxMessageBytes: 64 * 1024,
    });
  });

  const deliver = (
    organisation: typeof actiris,
    body: string,
    options: { id?: string; contentType?: string; timestamp?: Date; secrets?: string[] } = {},
  ) =>
    receiver.receive(organisation, {
      headers: signedHeaders({
        id: options.id ?? 'msg-1',
        body,
        secrets: options.secrets ?? [secret],
        contentType: options.contentType ?? 'application/xml',
        timestamp: options.timestamp,
      }),
      body: Buffer.from(body),
    });
  const fia = example('actiris', 'fia.v1.xml');

  it('acknowledges a signed, valid FIA with 202 and starts its answers once', () => {
    const answer = deliver(actiris, fia);

    expect(answer).toEqual({
      kind: 'respond',
      status: 202,
      body: {
        status: 'received',
        organisation: 'regional:actiris',
        idempotencyKey: 'msg-1',
        messageId: expect.any(String),
      },
    });
    expect(scheduled).toEqual([
      {
        organisation: 'regional:actiris',
        message: expect.objectContaining({ partner: 'actiris', referralId: expect.any(String) }),
        malformed: false,
      },
    ]);
  });

  it('acknowledges a re-sent idempotency key again without processing it twice, and counts both', () => {
    deliver(actiris, fia);
    const again = deliver(actiris, fia);

    expect(again).toMatchObject({
      status: 202,
      body: { status: 'already-received' },
      headers: { 'Idempotent-Replay': 'true' },
    });
    expect(scheduled).toHaveLength(1);
    expect(ledger.list('regional:actiris')).toEqual([
      expect.objectContaining({
        idempotencyKey: 'msg-1',
        attempts: 2,
        acknowledged: 2,
        processed: true,
        outcomes: { acknowledged: 1, replayed: 1 },
      }),
    ]);
  });

  it('refuses with 401 a wrong signature and a timestamp more than five minutes off, and counts them', () => {
    const skewed = new Date(clock.now().getTime() - 6 * 60_000);
    expect(deliver(actiris, fia, { secrets: [newSecret()] })).toMatchObject({
      status: 401,
      body: { code: 'SIGNATURE_INVALID' },
    });
    expect(deliver(actiris, fia, { id: 'msg-2', timestamp: skewed })).toMatchObject({
      status: 401,
      body: { code: 'SIGNATURE_TIMESTAMP_SKEWED' },
    });
    expect(scheduled).toEqual([]);
    expect(ledger.list('regional:actiris').map((record) => record.outcomes)).toEqual([
      { unauthorised: 1 },
      { unauthorised: 1 },
    ]);
  });

  it('refuses with 422 and a pointer a document that breaks the contract, and with 415 a format the partner does not take', () => {
    const broken = fia.replace(/<niss>\d+<\/niss>/, '<niss>123</niss>');
    expect(deliver(actiris, broken)).toMatchObject({
      status: 422,
      body: { code: 'PARTNER_DOCUMENT_INVALID', pointer: '/personne/niss' },
    });
    expect(deliver(actiris, '{}', { id: 'msg-3', contentType: 'application/json' })).toMatchObject({
      status: 415,
      body: { code: 'PARTNER_MEDIA_TYPE_UNSUPPORTED' },
    });
    expect(ledger.isProcessed('regional:actiris', 'msg-1')).toBe(false);
  });

  it('takes a CPMT referral only at the prevention service it names', () => {
    const referral = example('cpmt', 'referral.v1.json');
    expect(deliver(cpmt, referral, { contentType: 'application/json' })).toMatchObject({
      status: 202,
    });
    const other = referral.replace('0543107453', '0403170701');
    expect(deliver(cpmt, other, { id: 'msg-4', contentType: 'application/json' })).toMatchObject({
      status: 422,
      body: { code: 'NOT_THE_ADDRESSEE' },
    });
  });

  it('answers as its fault control says, before reading anything', () => {
    faults.set('regional:actiris', { mode: 'rate-limit', retryAfterS: 7 });
    expect(deliver(actiris, fia)).toMatchObject({
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { code: 'RATE_LIMITED' },
    });
    faults.set('regional:actiris', { mode: 'error-5xx' });
    expect(deliver(actiris, fia)).toMatchObject({ status: 500 });
    faults.set('regional:actiris', { mode: 'timeout' });
    expect(deliver(actiris, fia)).toEqual({ kind: 'hold' });
    faults.set('regional:actiris', { mode: 'down' });
    expect(deliver(actiris, fia)).toEqual({ kind: 'drop' });
    faults.set('regional:actiris', { mode: 'malformed-answer' });
    expect(deliver(actiris, fia)).toMatchObject({ status: 202 });

    expect(scheduled.map((entry) => entry.malformed)).toEqual([true]);
    expect(ledger.list('regional:actiris')[0]).toMatchObject({
      attempts: 5,
      acknowledged: 1,
      outcomes: { 'rate-limited': 1, failed: 1, 'timed-out': 1, dropped: 1, acknowledged: 1 },
    });
  });

  it("acknowledges INAMI's dataset when it is a safe, well-formed document, and refuses it otherwise", () => {
    const dataset = '<?xml version="1.0" encoding="UTF-8"?><dataset year="2026"><rows/></dataset>';
    expect(deliver(inami, dataset)).toMatchObject({ status: 202, body: { status: 'received' } });
    expect(
      deliver(inami, '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>', {
        id: 'msg-5',
      }),
    ).toMatchObject({ status: 422, body: { code: 'XML_DOCTYPE_FORBIDDEN' } });
    expect(scheduled).toEqual([]);
  });

  it('refuses a message with reasons when told to refuse, as INAMI refuses a dataset', () => {
    faults.set('inami:inami', { mode: 'refuse' });
    const dataset = '<?xml version="1.0" encoding="UTF-8"?><dataset year="2026"><rows/></dataset>';
    expect(deliver(inami, dataset)).toMatchObject({
      status: 422,
      body: { code: 'REFUSED', reasons: [{ code: 'REFUSED_BY_SCRIPT' }] },
    });
    expect(ledger.list('inami:inami')[0]).toMatchObject({ outcomes: { refused: 1 } });
  });

  it("checks INAMI's dataset against its contract when the sandbox has it", async () => {
    const inamiDataset = await InamiDatasetContract.load();
    try {
      const strict = new MessageReceiver({
        contracts,
        inamiDataset,
        secrets: new Map([['inami:inami', [secret]]]),
        verifier: new StandardWebhooksVerifier(),
        ledger,
        faults,
        callbacks: { schedule: () => undefined },
        clock,
        maxMessageBytes: 64 * 1024,
      });
      const body = '<evaluationDataset xmlns="urn:rtw:partner:inami:evaluation-dataset:v1"/>';
      const answer = strict.receive(inami, {
        headers: signedHeaders({
          id: 'msg-9',
          body,
          secrets: [secret],
          contentType: 'application/xml',
        }),
        body: Buffer.from(body),
      });
      expect(answer).toMatchObject({ status: 422, body: { code: 'PARTNER_DOCUMENT_INVALID' } });
    } finally {
      inamiDataset.dispose();
    }
  });
});
