import { Registry } from 'prom-client';
import {
  captureLogger,
  createTestTopics,
  deleteTestTopics,
  kafkaBrokers,
  testDossierEvent,
  uniqueGroupId,
  uniqueTopic,
  waitUntil,
  TestHubError,
} from '@rtw/testing';
import type { CloudEvent } from '../cloudevents/cloud-event.type';
import { createKafka } from '../kafka/kafka.factory';
import { KafkaPublisher } from '../producer/kafka.publisher';
import { publishEvents } from '../producer/publisher.port';
import { ConsumerRuntime } from './consumer.runtime';
import type { EventHandler } from './event-handler.type';
import { retryPolicyFor } from './retry.policy';

const DOSSIERS = 60;
const EVENTS_PER_DOSSIER = 5;
const PARTITIONS = 6;

/** Removes immediate repeats: at-least-once delivery may hand the last uncommitted record over twice. */
const withoutRedeliveries = (seqs: number[]) => seqs.filter((seq, i) => seq !== seqs[i - 1]);

describe('ConsumerRuntime ordering on the real broker', () => {
  const { logger } = captureLogger();
  const kafka = createKafka({
    brokers: kafkaBrokers(),
    clientId: 'consumer-ordering-test',
    logger,
  });
  const publisher = new KafkaPublisher(kafka);
  const topic = uniqueTopic('ordering');

  beforeAll(async () => {
    await createTestTopics(
      { topic, partitions: PARTITIONS },
      { topic: `${topic}.dlq`, partitions: PARTITIONS },
    );
    await publisher.connect();
  });
  afterAll(async () => {
    await publisher.disconnect();
    await deleteTestTopics([topic, `${topic}.dlq`]);
  });

  it('processes each dossier in publish order across many keys, partitions and two group members, retries included', async () => {
    const dossiers = Array.from({ length: DOSSIERS }, () => testDossierEvent().subject);
    // Interleaved: seq 1 of every dossier, then seq 2 of every dossier, and so on.
    const events: CloudEvent[] = [];
    for (let seq = 1; seq <= EVENTS_PER_DOSSIER; seq++) {
      for (const subject of dossiers) events.push(testDossierEvent({ subject, data: { seq } }));
    }
    const processed = new Map<string, number[]>();
    const partitions = new Set<number>();
    const failedOnce = new Set<string>();
    const handler: EventHandler = async (event, context) => {
      const { seq } = event.data as { seq: number };
      // Every fourth event fails once with a retriable error, so retries happen under concurrency.
      if (seq % 4 === 0 && !failedOnce.has(event.id)) {
        failedOnce.add(event.id);
        throw new TestHubError({
          code: 'DB_UNAVAILABLE',
          message: 'Database unavailable',
          retriable: true,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      partitions.add(context.partition);
      processed.set(event.subject, [...(processed.get(event.subject) ?? []), seq]);
    };
    const groupId = uniqueGroupId('ordering');
    const members = [1, 2].map(
      () =>
        new ConsumerRuntime({
          kafka,
          groupId,
          topics: [topic],
          handler,
          deadLetter: publisher,
          logger,
          partitionsConsumedConcurrently: 3,
          retryPolicy: retryPolicyFor({
            type: 'retry',
            attempts: 3,
            backoff: { initialMs: 20, maxMs: 50, multiplier: 2, jitter: 0.5 },
          }),
          registry: new Registry(),
        }),
    );

    try {
      for (let i = 0; i < events.length; i += 50)
        await publishEvents(publisher, topic, events.slice(i, i + 50));
      await Promise.all(members.map((member) => member.start()));
      const done = () =>
        dossiers.every((d) => new Set(processed.get(d) ?? []).size === EVENTS_PER_DOSSIER);
      await waitUntil(done, 'every event', 45_000);
    } finally {
      await Promise.all(members.map((member) => member.stop()));
    }

    const expected = Array.from({ length: EVENTS_PER_DOSSIER }, (_, i) => i + 1);
    for (const dossier of dossiers)
      expect(withoutRedeliveries(processed.get(dossier)!)).toEqual(expected);
    expect(partitions.size).toBeGreaterThanOrEqual(PARTITIONS - 1);
    expect(failedOnce.size).toBe(DOSSIERS);
  });
});
