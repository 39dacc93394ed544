import { Registry } from 'prom-client';
import {
  captureLogger,
  committedOffsets,
  consumeN,
  createTestTopics,
  deleteTestTopics,
  headerText,
  kafkaBrokers,
  produceTestMessages,
  testDossierEvent,
  uniqueGroupId,
  uniqueTopic,
  waitUntil,
  TestHubError,
} from '@rtw/testing';
import { toKafkaMessage } from '../cloudevents/cloud-event.binding';
import type { CloudEvent } from '../cloudevents/cloud-event.type';
import { createKafka } from '../kafka/kafka.factory';
import { KafkaPublisher } from '../producer/kafka.publisher';
import { publishEvents, type Publisher } from '../producer/publisher.port';
import { ConsumerRuntime } from './consumer.runtime';
import type { EventHandler, HandlerContext } from './event-handler.type';
import { maxRetryWaitMs, retryPolicyFor, type RetryPolicy } from './retry.policy';

const RETRY: RetryPolicy = {
  type: 'retry',
  attempts: 3,
  backoff: { initialMs: 100, maxMs: 400, multiplier: 2, jitter: 0.2 },
};
const retriable = () =>
  new TestHubError({ code: 'DB_UNAVAILABLE', message: 'Database unavailable', retriable: true });
const final = () =>
  new TestHubError({
    code: 'SCHEMA_INVALID',
    message: 'Event rejected by its schema',
    retriable: false,
  });
/** Events of one dossier, each still carrying a (generated) NISS so that the log check below means something. */
const dossierEvents = (count: number, subject = testDossierEvent().subject) =>
  Array.from({ length: count }, (_, i) => {
    const event = testDossierEvent({ subject });
    return { ...event, data: { ...event.data, seq: i + 1 } };
  });

type Call = { id: string; attempt: number; at: number; context: HandlerContext };

describe('ConsumerRuntime retries and dead letters on the real broker', () => {
  const { logger, lines } = captureLogger();
  const kafka = createKafka({ brokers: kafkaBrokers(), clientId: 'consumer-retry-test', logger });
  const publisher = new KafkaPublisher(kafka);
  const runtimes: ConsumerRuntime[] = [];
  const topics: string[] = [];
  const events: CloudEvent[] = [];

  beforeAll(() => publisher.connect());
  afterEach(async () => {
    await Promise.all(runtimes.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await publisher.disconnect();
    await deleteTestTopics(topics);
    const logged = JSON.stringify(lines);
    for (const event of events)
      expect(logged).not.toContain((event.data as { insured: { niss: string } }).insured.niss);
  });

  async function scenario(name: string, handler: EventHandler, deadLetter: Publisher = publisher) {
    const topic = uniqueTopic(name);
    topics.push(topic, `${topic}.dlq`);
    await createTestTopics({ topic, partitions: 3 }, { topic: `${topic}.dlq`, partitions: 3 });
    const groupId = uniqueGroupId(name);
    const calls: Call[] = [];
    const recording: EventHandler = async (event, context) => {
      calls.push({ id: event.id, attempt: context.attempt, at: Date.now(), context });
      await handler(event, context);
    };
    const runtime = new ConsumerRuntime({
      kafka,
      groupId,
      topics: [topic],
      handler: recording,
      deadLetter,
      logger,
      retryPolicy: retryPolicyFor(RETRY),
      registry: new Registry(),
    });
    runtimes.push(runtime);
    const publish = (...batch: CloudEvent[]) => (
      events.push(...batch),
      publishEvents(publisher, topic, batch)
    );
    return { topic, groupId, calls, runtime, publish };
  }

  it('retries a retriable failure in place and commits the offset only once the handler succeeded', async () => {
    const committedDuringRetry: string[] = [];
    const s = await scenario('retry-success', async (_event, context) => {
      if (context.attempt === 2)
        committedDuringRetry.push(
          (await committedOffsets(s.groupId, s.topic)).get(context.partition) ?? '-1',
        );
      if (context.attempt < 3) throw retriable();
    });
    const event = testDossierEvent();
    await s.publish(event);

    await s.runtime.start();
    await waitUntil(
      async () =>
        (await committedOffsets(s.groupId, s.topic)).get(s.calls[0]?.context.partition ?? -1) ===
        '1',
      'the commit',
    );

    expect(s.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(new Set(s.calls.map((c) => c.id))).toEqual(new Set([event.id]));
    expect(committedDuringRetry).toEqual(['-1']);
  });

  it('dead-letters a final error at once, keeping key, value and headers and adding the failure context', async () => {
    const s = await scenario('final', async () => {
      throw final();
    });
    const event = testDossierEvent();
    await s.publish(event);
    const original = toKafkaMessage(event);

    await s.runtime.start();
    const [dead] = await consumeN(`${s.topic}.dlq`, 1);

    expect(s.calls).toHaveLength(1);
    expect(dead?.key?.toString()).toBe(original.key);
    expect(dead?.value?.toString()).toBe(original.value);
    for (const [name, value] of Object.entries(original.headers))
      expect(headerText(dead!.headers, name)).toBe(value);
    const context = Object.fromEntries(
      Object.keys(dead!.headers)
        .filter((h) => h.startsWith('dlq-'))
        .map((h) => [h, headerText(dead!.headers, h)]),
    );
    expect(context).toEqual({
      'dlq-original-topic': s.topic,
      'dlq-original-partition': String(s.calls[0]!.context.partition),
      'dlq-original-offset': '0',
      'dlq-original-timestamp': expect.stringMatching(/^\d{13}$/),
      'dlq-consumer-group': s.groupId,
      'dlq-error-code': 'SCHEMA_INVALID',
      'dlq-error-message': 'Event rejected by its schema',
      'dlq-error-retriable': 'false',
      'dlq-attempts': '1',
      'dlq-failed-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    await waitUntil(
      async () =>
        (await committedOffsets(s.groupId, s.topic)).get(s.calls[0]!.context.partition) === '1',
      'the commit past the dead letter',
    );
  });

  it('dead-letters a poison record and processes the healthy records behind it on its partition, in order', async () => {
    const healthy = dossierEvents(3);
    const poison = {
      ...toKafkaMessage(testDossierEvent({ subject: healthy[0]!.subject })),
      value: '{"broken": ',
    };
    const s = await scenario('poison', async () => undefined);
    await produceTestMessages(s.topic, [poison]);
    await s.publish(...healthy);

    await s.runtime.start();
    const [dead] = await consumeN(`${s.topic}.dlq`, 1);
    await waitUntil(() => s.calls.length === 3, 'the healthy records');

    expect(headerText(dead!.headers, 'dlq-error-code')).toBe('CLOUDEVENT_INVALID');
    expect(dead?.value?.toString()).toBe('{"broken": ');
    expect(s.calls.map((c) => c.id)).toEqual(healthy.map((e) => e.id));
    expect(s.calls.map((c) => c.context.offset)).toEqual(['1', '2', '3']);
  });

  it('dead-letters a record whose retries ran out, then processes the later events of its dossier, never before', async () => {
    const [stuck, ...later] = dossierEvents(3);
    const s = await scenario('exhausted', async (event) => {
      if (event.id === stuck!.id) throw retriable();
    });
    await s.publish(stuck!, ...later);

    await s.runtime.start();
    await waitUntil(() => s.calls.length === 5, 'every attempt');
    const [dead] = await consumeN(`${s.topic}.dlq`, 1);

    expect(s.calls.map((c) => [c.id, c.attempt])).toEqual([
      [stuck!.id, 1],
      [stuck!.id, 2],
      [stuck!.id, 3],
      ...later.map((e) => [e.id, 1]),
    ]);
    expect(headerText(dead!.headers, 'dlq-attempts')).toBe('3');
    expect(headerText(dead!.headers, 'dlq-error-retriable')).toBe('true');
    expect(Number(headerText(dead!.headers, 'dlq-original-timestamp'))).toBeLessThanOrEqual(
      s.calls[3]!.at,
    );
    // The partition was held up by no more than the retry budget (plus commit and DLQ write time).
    expect(s.calls[3]!.at - s.calls[0]!.at).toBeLessThan(maxRetryWaitMs(RETRY) + 2_000);
  });

  it('leaves the offset uncommitted while the dead-letter write fails, and dead-letters once it works', async () => {
    // A publisher that gives up quickly, so the failure shows within the test's time.
    const impatient = new KafkaPublisher(
      createKafka({
        brokers: kafkaBrokers(),
        clientId: 'dlq-down-test',
        logger,
        retry: { retries: 1, initialRetryTime: 100 },
      }),
    );
    await impatient.connect();
    const s = await scenario(
      'dlq-down',
      async () => {
        throw final();
      },
      impatient,
    );
    await deleteTestTopics([`${s.topic}.dlq`]);
    await s.publish(testDossierEvent());

    await s.runtime.start();
    await waitUntil(
      () =>
        lines.some(
          (l) => l.message.startsWith('Dead-letter write failed') && l.fields['topic'] === s.topic,
        ),
      'a failed DLQ write',
    );
    expect((await committedOffsets(s.groupId, s.topic)).get(s.calls[0]!.context.partition)).toBe(
      '-1',
    );
    await createTestTopics({ topic: `${s.topic}.dlq`, partitions: 3 });

    await consumeN(`${s.topic}.dlq`, 1, 30_000);
    await waitUntil(
      async () =>
        (await committedOffsets(s.groupId, s.topic)).get(s.calls[0]!.context.partition) === '1',
      'the commit',
      30_000,
    );
    await s.runtime.stop();
    await impatient.disconnect();
  });
});
