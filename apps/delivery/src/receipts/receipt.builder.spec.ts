import { randomUUID } from 'node:crypto';
import { ContractRegistry } from '@rtw/contracts';
import { fromKafkaMessage } from '@rtw/messaging';
import { preparedMessage } from '../testing/delivery.fixture';
import type { QueuedMessage } from '../queue/delivery-message.types';
import { checkPreparedMessage } from '../queue/prepared-message.check';
import { IntakeError } from '../queue/intake.error';
import { failureRows, successReceipt } from './receipt.builder';

const contracts = ContractRegistry.load();
const AT = new Date('2026-12-01T10:00:00Z');

function queued(): QueuedMessage {
  const event = preparedMessage({
    organisationId: 'cpmt:0403170701',
    partner: 'cpmt',
    referralId: 'REF-1',
  });
  return {
    id: event.id,
    seq: '1',
    partner: 'cpmt',
    organisationId: 'cpmt:0403170701',
    dossierId: event.subject,
    insurer: '100',
    messageType: event.data.messageType,
    contract: event.data.contract,
    contentType: 'application/json',
    referralId: 'REF-1',
    causationId: event.data.causationId,
    correlationId: event.correlationid,
    event,
    source: { topic: 'rtw.outbound.cpmt.v1', partition: 3, offset: '42' },
    attempts: 2,
    roundAttempts: 2,
    replays: 0,
    receivedAt: AT,
  };
}

function asEvent(row: { key: string; value: Buffer | string; headers?: Record<string, string> }) {
  return fromKafkaMessage({ key: row.key, value: row.value, headers: row.headers });
}

describe('delivery receipts', () => {
  it('builds a success receipt valid under be.rtw.delivery.succeeded v2, keyed by the dossier', () => {
    const message = queued();
    const row = successReceipt(message, { attempts: 3, httpStatus: 202, at: AT });
    const event = asEvent(row);
    expect(row.topic).toBe('rtw.delivery.receipts.v1');
    expect(row.key).toBe(message.dossierId);
    expect(contracts.validateEvent(event)).toMatchObject({ ok: true });
    expect(event).toMatchObject({
      source: 'urn:rtw:org:hub',
      insurer: '100',
      correlationid: message.correlationId,
      data: {
        messageId: message.id,
        attempts: 3,
        httpStatus: 202,
        referralId: 'REF-1',
        organisation: { kind: 'cpmt', code: '0403170701' },
      },
    });
  });

  it('builds a failure receipt and a dead-letter copy of the original record with error headers', () => {
    const message = queued();
    const [receipt, copy] = failureRows(message, {
      outcome: 'refused',
      attempts: 0,
      reasonCode: 'CONSENT_WITHDRAWN',
      reasonMessage: 'the insured withdrew consent for this exchange',
      at: AT,
    });
    expect(contracts.validateEvent(asEvent(receipt!))).toMatchObject({ ok: true });
    expect(asEvent(receipt!).data).toMatchObject({
      reasonCode: 'CONSENT_WITHDRAWN',
      outcome: 'refused',
      attempts: 0,
    });
    expect(copy).toMatchObject({
      topic: 'rtw.outbound.cpmt.v1.dlq',
      key: message.dossierId,
      headers: expect.objectContaining({
        ce_id: message.id,
        'dlq-original-topic': 'rtw.outbound.cpmt.v1',
        'dlq-original-partition': '3',
        'dlq-original-offset': '42',
        'dlq-error-code': 'CONSENT_WITHDRAWN',
        'dlq-error-retriable': 'false',
        'dlq-outcome': 'refused',
      }),
    });
    expect(asEvent(copy!).data).toEqual(message.event.data);
  });
});

describe('checkPreparedMessage', () => {
  const codeOf = (work: () => unknown) => {
    try {
      work();
      return 'accepted';
    } catch (error) {
      return error instanceof IntakeError ? error.code : 'unexpected';
    }
  };
  const actiris = () => preparedMessage({ organisationId: 'regional:actiris', partner: 'actiris' });

  it('accepts a prepared message on its partner’s topic', () => {
    expect(codeOf(() => checkPreparedMessage(contracts, actiris(), 'actiris'))).toBe('accepted');
  });

  it.each([
    [
      'on another partner’s topic',
      () => checkPreparedMessage(contracts, actiris(), 'vdab'),
      'PARTNER_MISMATCH',
    ],
    [
      'on no outbound topic',
      () => checkPreparedMessage(contracts, actiris(), undefined),
      'TOPIC_UNKNOWN',
    ],
    [
      'of another type',
      () =>
        checkPreparedMessage(contracts, { ...actiris(), type: 'be.rtw.dossier.opened' }, 'actiris'),
      'MESSAGE_TYPE_UNEXPECTED',
    ],
    [
      'not from the hub',
      () =>
        checkPreparedMessage(
          contracts,
          { ...actiris(), source: 'urn:rtw:org:insurer:100' },
          'actiris',
        ),
      'MESSAGE_SOURCE_NOT_HUB',
    ],
    [
      'with an id too long for a receipt',
      () => checkPreparedMessage(contracts, { ...actiris(), id: 'm'.repeat(100) }, 'actiris'),
      'MESSAGE_ID_INVALID',
    ],
    [
      'for an organisation of another partner',
      () =>
        checkPreparedMessage(
          contracts,
          preparedMessage({ organisationId: 'regional:vdab', partner: 'actiris' }),
          'actiris',
        ),
      'ORGANISATION_MISMATCH',
    ],
    [
      'with both a body and a reference',
      () => {
        const event = actiris();
        return checkPreparedMessage(
          contracts,
          { ...event, data: { ...event.data, bodyRef: { store: 's', id: randomUUID() } } },
          'actiris',
        );
      },
      'MESSAGE_CONTRACT_INVALID',
    ],
  ])('dead-letters a message %s', (_what, work, code) => expect(codeOf(work)).toBe(code));
});
