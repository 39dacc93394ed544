import { Registry } from 'prom-client';
import {
  captureLogger,
  committedOffsets,
  createTestTopics,
  deleteTestTopics,
  kafkaBrokers,
  testDossierEvent,
  uniqueGroupId,
  uniqueTopic,
  waitUntil,
} from '@rtw/testing';
import { createKafka } from '../kafka/kafka.factory';
import { KafkaPublisher } from '../producer/kafka.publisher';
import { publishEvents } from '../producer/publisher.port';
import { ConsumerRuntime } from './consumer.runtime';
import type { EventHandler } from './event-handler.type';

describe('ConsumerRuntime stop and restart on the real broker', () => {
  const { logger } = captureLogger();
  const kafka = createKafka({ brokers: kafkaBrokers(), clientId: 'consumer-stop-test', logger });
  const publisher = new KafkaPublisher(kafka);
  const topic = uniqueTopic('stop');
  const groupId = uniqueGroupId('stop');
  const runtime = (handler: EventHandler) =>
    new ConsumerRuntime({
      kafka,
      groupId,
      topics: [topic],
      handler,
      deadLetter: publisher,
      logger,
      registry: new Registry(),
    });

  beforeAll(async () => {
    await createTestTopics(topic, `${topic}.dlq`);
    await publisher.connect();
  });
  afterAll(async () => {
    await publisher.disconnect();
    await deleteTestTopics([topic, `${topic}.dlq`]);
  });

  it('finishes and commits the record in flight when stopped mid-batch, and a new member resumes right after it', async () => {
    await publishEvents(
      publisher,
      topic,
      Array.from({ length: 10 }, () => testDossierEvent()),
    );
    const firstRun: string[] = [];
    let release: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (release = resolve));
    const first = runtime(async (_event, context) => {
      firstRun.push(context.offset);
      if (context.offset === '3') await inFlight;
    });

    await first.start();
    await waitUntil(() => firstRun.includes('3'), 'the fourth record to be in flight');
    const stopping = first.stop();
    setTimeout(release, 200);
    await stopping;

    expect(firstRun).toEqual(['0', '1', '2', '3']);
    expect((await committedOffsets(groupId, topic)).get(0)).toBe('4');

    const secondRun: string[] = [];
    const second = runtime(async (_event, context) => void secondRun.push(context.offset));
    await second.start();
    try {
      await waitUntil(() => secondRun.length === 6, 'the remaining records');
    } finally {
      await second.stop();
    }
    expect(secondRun).toEqual(['4', '5', '6', '7', '8', '9']);
    expect((await committedOffsets(groupId, topic)).get(0)).toBe('10');
  });

  it('reports itself connected only between joining its group and stopping', async () => {
    const member = new ConsumerRuntime({
      kafka,
      groupId: uniqueGroupId('ready'),
      topics: [topic],
      handler: async () => undefined,
      deadLetter: publisher,
      logger,
      registry: new Registry(),
    });
    expect(member.isConnected()).toBe(false);

    await member.start();
    await waitUntil(() => member.isConnected(), 'the group join');
    await member.stop();

    expect(member.isConnected()).toBe(false);
  });
});
