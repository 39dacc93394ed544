import type { IHeaders, KafkaMessage } from 'kafkajs';
import { testDossierEvent, TestHubError } from '@rtw/testing';
import { toKafkaMessage } from '../cloudevents/cloud-event.binding';
import { buildDeadLetterMessage, describeFailure } from './dead-letter.message';

function received(): KafkaMessage & { headers: IHeaders } {
  const message = toKafkaMessage(testDossierEvent());
  return {
    key: Buffer.from(message.key),
    value: Buffer.from(message.value),
    headers: {
      ...Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.from(v)])),
      custom: ['a', 'b'],
    },
    offset: '41',
    timestamp: '1790000000000',
    attributes: 0,
  } as KafkaMessage & { headers: IHeaders };
}

describe('describeFailure', () => {
  it('keeps the code, message and retriable flag of a HubError', () => {
    const error = new TestHubError({
      code: 'CONSENT_MISSING',
      message: 'No consent for recipient cpmt',
      retriable: false,
    });
    expect(describeFailure(error)).toEqual({
      code: 'CONSENT_MISSING',
      message: 'No consent for recipient cpmt',
      retriable: false,
    });
  });

  it('reduces any other error to INTERNAL_ERROR and its class name, dropping a message that quotes data', () => {
    const niss = (testDossierEvent().data['insured'] as { niss: string }).niss;
    expect(describeFailure(new RangeError(`bad value ${niss}`))).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'RangeError',
      retriable: false,
    });
    expect(describeFailure({ niss })).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'non-Error value',
      retriable: false,
    });
  });
});

describe('buildDeadLetterMessage', () => {
  it('keeps key, value and original headers and adds the dlq- context headers', () => {
    const message = received();
    const failedAt = new Date('2026-11-20T10:00:00.000Z');

    const dlq = buildDeadLetterMessage({
      topic: 'rtw.dossier.events.v1',
      partition: 7,
      message,
      groupId: 'rtw-cpmt-connector',
      failure: { code: 'SCHEMA_INVALID', message: 'Schema rejected the event', retriable: false },
      attempts: 1,
      failedAt,
    });

    expect(dlq.key).toBe(message.key);
    expect(dlq.value).toBe(message.value);
    expect(dlq.headers).toEqual({
      ...message.headers,
      'dlq-original-topic': 'rtw.dossier.events.v1',
      'dlq-original-partition': '7',
      'dlq-original-offset': '41',
      'dlq-original-timestamp': '1790000000000',
      'dlq-consumer-group': 'rtw-cpmt-connector',
      'dlq-error-code': 'SCHEMA_INVALID',
      'dlq-error-message': 'Schema rejected the event',
      'dlq-error-retriable': 'false',
      'dlq-attempts': '1',
      'dlq-failed-at': '2026-11-20T10:00:00.000Z',
    });
  });

  it('replaces the dlq- headers of a record that already failed once, instead of repeating them', () => {
    const message = { ...received(), headers: { 'dlq-attempts': '5', 'dlq-error-code': 'OLD' } };

    const dlq = buildDeadLetterMessage({
      topic: 't',
      partition: 0,
      message,
      groupId: 'g',
      failure: { code: 'NEW', message: 'm', retriable: true },
      attempts: 2,
      failedAt: new Date(),
    });

    expect(dlq.headers['dlq-attempts']).toBe('2');
    expect(dlq.headers['dlq-error-code']).toBe('NEW');
  });
});
