import type { KafkaMessage } from 'kafkajs';
import { Registry } from 'prom-client';
import { testDossierEvent, TestHubError } from '@rtw/testing';
import { toKafkaMessage } from '../cloudevents/cloud-event.binding';
import { CloudEventInvalidError } from '../cloudevents/cloud-event.error';
import type { CloudEvent } from '../cloudevents/cloud-event.type';
import type { MessagingLogger } from '../logging/messaging-logger.port';
import { InMemoryBus } from '../producer/in-memory.publisher';
import { consumerMetrics } from './consumer.metrics';
import { DeadLetterFailedError } from './dead-letter.error';
import type { DeadLetteredRecord, DeadLetterHook } from './dead-letter.hook';
import type { EventHandler, HandlerContext } from './event-handler.type';
import { RecordProcessor } from './record.processor';
import { retryPolicyFor } from './retry.policy';

const TOPIC = 'rtw.dossier.events.v1';
const DLQ = 'rtw.dossier.events.v1.dlq';
const retriable = () =>
  new TestHubError({ code: 'DB_UNAVAILABLE', message: 'Database unavailable', retriable: true });

function setup(
  handler: EventHandler,
  options: { attempts?: number; initialMs?: number; onDeadLetter?: DeadLetterHook } = {},
) {
  const bus = new InMemoryBus();
  const registry = new Registry();
  const lines: Array<{ level: string; fields: unknown; message: string }> = [];
  const log = (level: string) => (fields: unknown, message: string) =>
    lines.push({ level, fields, message });
  const logger: MessagingLogger = {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
  };
  const initialMs = options.initialMs ?? 5;
  const processor = new RecordProcessor({
    groupId: 'test-group',
    handler,
    retryPolicyFor: retryPolicyFor({
      type: 'retry',
      attempts: options.attempts ?? 3,
      backoff: { initialMs, maxMs: initialMs, multiplier: 2, jitter: 0 },
    }),
    deadLetter: bus.publisher(),
    deadLetterTopic: (topic) => `${topic}.dlq`,
    onDeadLetter: options.onDeadLetter,
    logger,
    metrics: consumerMetrics(registry),
  });
  const heartbeat = jest.fn(async () => undefined);
  const stopping = new AbortController();
  const session = { heartbeat, signal: stopping.signal };
  const count = async (outcome: string) =>
    (await registry.getSingleMetric('rtw_consumer_messages_total')!.get()).values.find(
      (v) => v.labels['outcome'] === outcome,
    )?.value ?? 0;
  return { bus, processor, session, heartbeat, stopping, lines, count };
}

function record(event: CloudEvent = testDossierEvent(), offset = '3') {
  const written = toKafkaMessage(event);
  const message: KafkaMessage = {
    key: Buffer.from(written.key),
    value: Buffer.from(written.value),
    headers: Object.fromEntries(
      Object.entries(written.headers).map(([k, v]) => [k, Buffer.from(v)]),
    ),
    offset,
    timestamp: String(Date.now()),
    attributes: 0,
  };
  return { topic: TOPIC, partition: 2, message };
}

describe('RecordProcessor', () => {
  it('hands the decoded event and its location to the handler and reports it processed', async () => {
    const seen: Array<[CloudEvent, HandlerContext]> = [];
    const { processor, session, bus, count } = setup(
      async (event, context) => void seen.push([event, context]),
    );
    const event = testDossierEvent();

    await expect(processor.process(record(event), session)).resolves.toBe('processed');

    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toEqual(event);
    expect(seen[0]![1]).toMatchObject({
      topic: TOPIC,
      partition: 2,
      offset: '3',
      key: event.subject,
      attempt: 1,
    });
    expect(bus.records(DLQ)).toHaveLength(0);
    expect(await count('processed')).toBe(1);
  });

  it('retries a retriable failure in place, heartbeating while it waits, until the handler succeeds', async () => {
    const attempts: number[] = [];
    const { processor, session, heartbeat, count } = setup(async (_e, context) => {
      attempts.push(context.attempt);
      if (context.attempt < 3) throw retriable();
    });

    await expect(processor.process(record(), session)).resolves.toBe('processed');

    expect(attempts).toEqual([1, 2, 3]);
    expect(heartbeat.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(await count('retried')).toBe(2);
    expect(await count('processed')).toBe(1);
  });

  it('dead-letters a final error after one attempt with the original record and the failure context', async () => {
    const handler = jest.fn(async () => {
      throw new TestHubError({
        code: 'CONSENT_MISSING',
        message: 'No consent for this recipient',
        retriable: false,
      });
    });
    const { processor, session, bus, count } = setup(handler);
    const consumed = record();

    await expect(processor.process(consumed, session)).resolves.toBe('dead_lettered');

    expect(handler).toHaveBeenCalledTimes(1);
    const [dead] = bus.records(DLQ);
    expect(dead?.key).toEqual(consumed.message.key);
    expect(dead?.value).toEqual(consumed.message.value);
    expect(dead?.headers).toMatchObject({
      ...consumed.message.headers,
      'dlq-original-topic': TOPIC,
      'dlq-original-partition': '2',
      'dlq-original-offset': '3',
      'dlq-consumer-group': 'test-group',
      'dlq-error-code': 'CONSENT_MISSING',
      'dlq-error-message': 'No consent for this recipient',
      'dlq-error-retriable': 'false',
      'dlq-attempts': '1',
    });
    expect(await count('dead_lettered')).toBe(1);
  });

  it('dead-letters a retriable failure once the attempt budget is spent', async () => {
    const handler = jest.fn(async () => {
      throw retriable();
    });
    const { processor, session, bus } = setup(handler, { attempts: 4 });

    await expect(processor.process(record(), session)).resolves.toBe('dead_lettered');

    expect(handler).toHaveBeenCalledTimes(4);
    expect(bus.records(DLQ)[0]?.headers).toMatchObject({
      'dlq-attempts': '4',
      'dlq-error-code': 'DB_UNAVAILABLE',
      'dlq-error-retriable': 'true',
    });
  });

  it('dead-letters a record that is not a valid CloudEvent without calling the handler', async () => {
    const handler = jest.fn(async () => undefined);
    const { processor, session, bus } = setup(handler);
    const broken = record();
    broken.message.value = Buffer.from('{not json');

    await expect(processor.process(broken, session)).resolves.toBe('dead_lettered');

    expect(handler).not.toHaveBeenCalled();
    expect(bus.records(DLQ)[0]?.headers['dlq-error-code']).toBe('CLOUDEVENT_INVALID');
  });

  it('hands the dead-letter hook the record, its event and the very error thrown, once the dead letter is written', async () => {
    const refusal = new TestHubError({ code: 'CONSENT_MISSING', retriable: false });
    const seen: Array<{ deadLettered: DeadLetteredRecord; dlqRecords: number }> = [];
    const { processor, session, bus } = setup(
      async () => {
        throw refusal;
      },
      {
        onDeadLetter: async (deadLettered) =>
          void seen.push({ deadLettered, dlqRecords: bus.records(DLQ).length }),
      },
    );
    const event = testDossierEvent();
    const failed = record(event, '8');

    await expect(processor.process(failed, session)).resolves.toBe('dead_lettered');

    expect(seen).toHaveLength(1);
    expect(seen[0]!.dlqRecords).toBe(1);
    const { deadLettered } = seen[0]!;
    expect(deadLettered.error).toBe(refusal);
    expect(deadLettered).toMatchObject({
      topic: TOPIC,
      partition: 2,
      message: { offset: '8' },
      event: { id: event.id, type: event.type },
      failure: { code: 'CONSENT_MISSING', retriable: false },
      attempts: 1,
    });
  });

  it('hands the hook a record that is not a CloudEvent without an event, with the binding error', async () => {
    const hook = jest.fn<Promise<void>, [DeadLetteredRecord]>(async () => undefined);
    const { processor, session } = setup(async () => undefined, { onDeadLetter: hook });
    const broken = record();
    broken.message.value = Buffer.from('{not json');

    await processor.process(broken, session);

    expect(hook).toHaveBeenCalledTimes(1);
    expect(hook.mock.calls[0]![0].event).toBeUndefined();
    expect(hook.mock.calls[0]![0].error).toBeInstanceOf(CloudEventInvalidError);
    expect(hook.mock.calls[0]![0].failure.code).toBe('CLOUDEVENT_INVALID');
  });

  it('rejects without counting a dead letter when the hook fails, so the record is processed again', async () => {
    const { processor, session, bus, count, lines } = setup(
      async () => {
        throw new TestHubError({ code: 'CONSENT_MISSING', retriable: false });
      },
      {
        onDeadLetter: async () => {
          throw new Error('notification topic unavailable');
        },
      },
    );

    await expect(processor.process(record(), session)).rejects.toBeInstanceOf(
      DeadLetterFailedError,
    );
    expect(bus.records(DLQ)).toHaveLength(1);
    expect(await count('dead_lettered')).toBe(0);
    expect(lines.map((line) => line.message)).toContain(
      'Dead-letter hook failed; record left uncommitted',
    );
  });

  it('never lets the message of a foreign error reach the DLQ headers or the logs', async () => {
    const event = testDossierEvent();
    const niss = (event.data as { insured: { niss: string } }).insured.niss;
    const { processor, session, bus, lines } = setup(async () => {
      throw new TypeError(`Cannot read property of ${niss}`);
    });

    await processor.process(record(event), session);

    const headers = bus.records(DLQ)[0]?.headers;
    expect(headers).toMatchObject({
      'dlq-error-code': 'INTERNAL_ERROR',
      'dlq-error-message': 'TypeError',
    });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(niss);
    expect(logged).toContain('record.processor.spec.ts');
  });

  it('rejects without counting a dead letter or running the hook when the dead-letter write fails, so the offset stays uncommitted', async () => {
    const hook = jest.fn(async () => undefined);
    const { processor, session, bus, count } = setup(
      async () => {
        throw new TestHubError({
          code: 'SCHEMA_INVALID',
          message: 'Schema rejected the event',
          retriable: false,
        });
      },
      { onDeadLetter: hook },
    );
    bus.failNextPublish(new Error('broker down'), DLQ);

    await expect(processor.process(record(), session)).rejects.toBeInstanceOf(
      DeadLetterFailedError,
    );
    expect(await count('dead_lettered')).toBe(0);
    expect(hook).not.toHaveBeenCalled();
  });

  it('stops waiting for a retry as soon as the consumer stops, leaving the record uncommitted', async () => {
    const handler = jest.fn(async () => {
      throw retriable();
    });
    const { processor, session, stopping, bus } = setup(handler, { initialMs: 60_000 });
    const started = Date.now();

    const outcome = processor.process(record(), session);
    setTimeout(() => stopping.abort(), 20);

    await expect(outcome).resolves.toBe('interrupted');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(bus.records(DLQ)).toHaveLength(0);
  });
});
