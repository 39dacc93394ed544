import { randomUUID } from 'node:crypto';
import type { ExchangeVerdict } from '@rtw/registers';
import { generateWebhookSecret, parseWebhookSecret, type WebhookSecret } from '@rtw/webhooks';
import { DEFAULT_LIMITS, DEFAULT_RETRY_SCHEDULE } from '../directory/directory-defaults';
import type { PartnerOrganisation } from '../directory/directory.types';
import { PartnerDirectory } from '../directory/partner.directory';
import type { PartnerContracts } from '../contracts/partner-contracts.port';
import { InMemoryPayloadStore } from '../payload/payload-store.port';
import type { QueuedMessage } from '../queue/delivery-message.types';
import { preparedMessage, type TestMessage } from '../testing/delivery.fixture';
import { DeliveryGate } from './delivery.gate';

const secret = parseWebhookSecret(generateWebhookSecret()) as WebhookSecret;
function organisation(id: string, partner: PartnerOrganisation['partner']): PartnerOrganisation {
  const [kind, code] = id.split(':') as [PartnerOrganisation['kind'], string];
  return {
    id,
    kind,
    code,
    partner,
    name: id,
    endpoint: new URL('http://127.0.0.1:9/messages'),
    secrets: [secret],
    limits: DEFAULT_LIMITS,
    retrySchedule: DEFAULT_RETRY_SCHEDULE,
  };
}

function queued(message: TestMessage): QueuedMessage {
  const event = preparedMessage(message);
  return {
    id: event.id,
    seq: '1',
    partner: message.partner,
    organisationId: message.organisationId,
    dossierId: event.subject,
    insurer: '100',
    messageType: event.data.messageType,
    contract: event.data.contract,
    contentType: event.data.contentType,
    causationId: event.data.causationId,
    event,
    source: { topic: 't', partition: 0, offset: '0' },
    attempts: 0,
    roundAttempts: 0,
    replays: 0,
    receivedAt: new Date(),
    ...(message.referralId ? { referralId: message.referralId } : {}),
  };
}

function setUp(verdict: ExchangeVerdict = { allowed: true }) {
  const asked: Array<{ dossierId: string; partner: unknown; options: unknown }> = [];
  const payloads = new InMemoryPayloadStore();
  const validated: string[] = [];
  const contracts: PartnerContracts = {
    validate: (contract, _type, body) => {
      validated.push(contract);
      return body.toString().includes('broken')
        ? {
            ok: false,
            code: 'CONTRACT_VIOLATION',
            pointer: '/form',
            message: 'the body breaks its contract (type)',
          }
        : { ok: true };
    },
  };
  const gate = new DeliveryGate({
    directory: new PartnerDirectory('development', [
      organisation('regional:actiris', 'actiris'),
      organisation('inami:inami', 'inami'),
    ]),
    registers: {
      mayExchange: async (dossierId, partner, options) => {
        asked.push({ dossierId, partner, options });
        return verdict;
      },
    },
    contracts,
    payloads,
  });
  return { gate, asked, payloads, validated };
}

const ACTIRIS = { organisationId: 'regional:actiris', partner: 'actiris' } as const;
const INAMI = { organisationId: 'inami:inami', partner: 'inami' } as const;

describe('DeliveryGate', () => {
  it('asks the registers about the dossier, organisation and referral, and sends the exact body', async () => {
    const { gate, asked } = setUp();
    const message = queued({ ...ACTIRIS, referralId: 'REF-9', body: '{"form":"x","sequence":1}' });
    const verdict = await gate.judge(message, { checkContract: true });
    expect(verdict.kind === 'send' && verdict.body.toString()).toBe('{"form":"x","sequence":1}');
    expect(asked).toEqual([
      {
        dossierId: message.dossierId,
        partner: { kind: 'regional', code: 'actiris' },
        options: { referralId: 'REF-9' },
      },
    ]);
  });

  it('refuses with the registers’ reason', async () => {
    const { gate } = setUp({ allowed: false, reason: 'CONSENT_WITHDRAWN' });
    expect(await gate.judge(queued(ACTIRIS), { checkContract: false })).toMatchObject({
      kind: 'refuse',
      code: 'CONSENT_WITHDRAWN',
    });
  });

  it('does not ask the registers for INAMI, which receives anonymised data', async () => {
    const { gate, asked } = setUp({ allowed: false, reason: 'NOT_LINKED' });
    expect((await gate.judge(queued(INAMI), { checkContract: false })).kind).toBe('send');
    expect(asked).toEqual([]);
  });

  it('refuses an organisation missing from the directory', async () => {
    const { gate } = setUp();
    expect(
      await gate.judge(queued({ organisationId: 'regional:vdab', partner: 'vdab' }), {
        checkContract: false,
      }),
    ).toMatchObject({
      kind: 'refuse',
      code: 'ORGANISATION_UNKNOWN',
    });
  });

  it('checks the contract only when asked (first attempt, replay), and refuses a broken body with the pointer', async () => {
    const { gate, validated } = setUp();
    const broken = queued({ ...ACTIRIS, body: '{"broken":true}' });
    expect((await gate.judge(broken, { checkContract: false })).kind).toBe('send');
    expect(validated).toEqual([]);
    expect(await gate.judge(broken, { checkContract: true })).toMatchObject({
      kind: 'refuse',
      code: 'CONTRACT_VIOLATION',
      pointer: '/form',
    });
  });

  it('reads a referenced body from the payload store; waits while the store is down; refuses a missing one', async () => {
    const { gate, payloads } = setUp();
    const reference = { store: 'datasets', id: randomUUID() };
    const message = queued({ ...INAMI, bodyRef: reference });
    expect(await gate.judge(message, { checkContract: false })).toMatchObject({
      kind: 'refuse',
      code: 'PAYLOAD_NOT_FOUND',
    });
    payloads.put(reference, '<dataset/>');
    const sent = await gate.judge(message, { checkContract: false });
    expect(sent.kind === 'send' && sent.body.toString()).toBe('<dataset/>');
    payloads.unavailable = true;
    expect(await gate.judge(message, { checkContract: false })).toEqual({
      kind: 'later',
      code: 'PAYLOAD_UNAVAILABLE',
    });
  });
});
