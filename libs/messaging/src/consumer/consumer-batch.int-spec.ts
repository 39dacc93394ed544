import { Registry } from 'prom-client';
import {
  captureLogger,
  committedOffsets,
  consumeN,
  createTestTopics,
  deleteTestTopics,
  kafkaBrokers,
  produceTestMessages,
  testDossierEvent,
  uniqueGroupId,
  uniqueTopic,
  waitUntil,
  TestHubError,
} from '@rtw/testing';
import { toKafkaMessage } from '../cloudevents/cloud-event.binding';
import { createKafka } from '../kafka/kafka.factory';
import { KafkaPublisher } from '../producer/kafka.publisher';
import { ConsumerRuntime } from './consumer.runtime';
import type { BatchEventHandler } from './event-handler.type';
import { retryPolicyFor } from './retry.policy';

const RETRY = retryPolicyFor({
  type: 'retry',
  attempts: 3,
  backoff: { initialMs: 50, maxMs: 200, multiplier: 2, jitter: 0.2 },
});

describe('ConsumerRuntime in batch mode on the real broker', () => {
  const { logger } = captureLogger();
  const kafka = createKafka({ brokers: kafkaBrokers(), clientId: 'consumer-batch-test', logger });
  const publisher = new KafkaPublisher(kafka);
  const runtimes: ConsumerRuntime[] = [];
  const topics: string[] = [];

  beforeAll(() => publisher.connect());
  afterEach(async () => {
    await Promise.all(runtimes.splice(0).map((runtime) => runtime.stop()));
  });
  afterAll(async () => {
    await publisher.disconnect();
    await deleteTestTopics(topics);
  });

  async function scenario(name: string, handler: BatchEventHandler) {
    const topic = uniqueTopic(name);
    topics.push(topic, `${topic}.dlq`);
    await createTestTopics(topic, `${topic}.dlq`);
    const groupId = uniqueGroupId(name);
    const runtime = new ConsumerRuntime({
      kafka,
      groupId,
      topics: [topic],
      batchHandler: handler,
      deadLetter: publisher,
      logger,
      retryPolicy: RETRY,
      registry: new Registry(),
    });
    runtimes.push(runtime);
    return { topic, groupId, runtime };
  }

  const events = (count: number) => Array.from({ length: count }, () => testDossierEvent());

  it('hands the records of a fetched batch to the handler together, in order, and commits after it', async () => {
    const calls: string[][] = [];
    const s = await scenario('batch-ok', async (records) => {
      calls.push(records.map((record) => record.event.id));
    });
    const sent = events(20);
    await produceTestMessages(s.topic, sent.map(toKafkaMessage));

    await s.runtime.start();
    await waitUntil(
      async () => (await committedOffsets(s.groupId, s.topic)).get(0) === '20',
      'the whole batch committed',
    );

    expect(calls.flat()).toEqual(sent.map((event) => event.id));
    expect(calls.length).toBeLessThan(sent.length);
  });

  it('retries the whole batch on a retriable failure, then commits it', async () => {
    let attempts = 0;
    const handled: string[] = [];
    const s = await scenario('batch-retry', async (records) => {
      attempts += 1;
      if (attempts < 3) throw new TestHubError({ code: 'DB_DOWN', retriable: true });
      handled.push(...records.map((record) => record.event.id));
    });
    const sent = events(5);
    await produceTestMessages(s.topic, sent.map(toKafkaMessage));

    await s.runtime.start();
    await waitUntil(
      async () => (await committedOffsets(s.groupId, s.topic)).get(0) === '5',
      'the batch committed after its retries',
    );

    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(handled).toEqual(sent.map((event) => event.id));
  });

  it('dead-letters only the record at fault when a batch fails for good, and keeps the others', async () => {
    const sent = events(4);
    const poison = sent[2]!.id;
    const handled: string[] = [];
    const s = await scenario('batch-poison', async (records) => {
      if (records.some((record) => record.event.id === poison))
        throw new TestHubError({ code: 'BUG', retriable: false });
      handled.push(...records.map((record) => record.event.id));
    });
    await produceTestMessages(s.topic, sent.map(toKafkaMessage));

    await s.runtime.start();
    const [dead] = await consumeN(`${s.topic}.dlq`, 1);
    await waitUntil(
      async () => (await committedOffsets(s.groupId, s.topic)).get(0) === '4',
      'the batch committed',
    );

    expect(dead?.headers['ce_id']?.toString()).toBe(poison);
    expect(handled).toEqual(sent.filter((event) => event.id !== poison).map((event) => event.id));
  });
});
