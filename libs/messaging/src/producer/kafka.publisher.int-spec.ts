import {
  captureLogger,
  consumeN,
  createTestTopics,
  deleteTestTopics,
  headerText,
  kafkaBrokers,
  testDossierEvent,
  uniqueTopic,
} from '@rtw/testing';
import { fromKafkaMessage } from '../cloudevents/cloud-event.binding';
import { childTraceparent, parseTraceparent } from '../cloudevents/traceparent';
import { createKafka } from '../kafka/kafka.factory';
import { KafkaPublisher } from './kafka.publisher';
import { PublishFailedError } from './publish.error';
import { publishEvents } from './publisher.port';

describe('KafkaPublisher on the real broker', () => {
  const topic = uniqueTopic('publisher');
  const { logger } = captureLogger();
  const publisher = new KafkaPublisher(
    createKafka({ brokers: kafkaBrokers(), clientId: 'publisher-test', logger }),
  );

  beforeAll(async () => {
    await createTestTopics({ topic, partitions: 3 });
    await publisher.connect();
  });
  afterAll(async () => {
    await publisher.disconnect();
    await deleteTestTopics([topic]);
  });

  it('round-trips CloudEvents in binary mode with every attribute, the key and the traceparent intact', async () => {
    const events = [
      testDossierEvent(),
      testDossierEvent({ traceparent: childTraceparent(testDossierEvent().traceparent) }),
    ];

    await publishEvents(publisher, topic, events);
    const records = await consumeN(topic, 2);

    const received = new Map(
      records.map((record) => fromKafkaMessage(record)).map((event) => [event.id, event]),
    );
    expect(events.map((event) => received.get(event.id))).toEqual(events);
    for (const record of records) {
      expect(record.key?.toString()).toBe(headerText(record.headers, 'ce_subject'));
      expect(headerText(record.headers, 'content-type')).toBe('application/json');
      expect(parseTraceparent(headerText(record.headers, 'ce_traceparent'))).toBeDefined();
    }
  });

  it('publishes raw outbox-style messages and resolves only once they are readable', async () => {
    const other = uniqueTopic('publisher-raw');
    await createTestTopics(other);

    await publisher.publish(other, [
      { key: 'dossier-1', value: Buffer.from('{"a":1}'), headers: { 'x-outbox-id': '42' } },
    ]);
    const [record] = await consumeN(other, 1);

    expect(record?.key?.toString()).toBe('dossier-1');
    expect(record?.value?.toString()).toBe('{"a":1}');
    expect(headerText(record!.headers, 'x-outbox-id')).toBe('42');
  });

  it('rejects with a retriable PUBLISH_FAILED when the topic does not exist, since topics are never auto-created', async () => {
    const missing = uniqueTopic('publisher-missing');
    const shortRetry = new KafkaPublisher(
      createKafka({
        brokers: kafkaBrokers(),
        clientId: 'publisher-test-missing',
        logger,
        retry: { retries: 1, initialRetryTime: 50 },
      }),
    );
    await shortRetry.connect();
    try {
      const failure = shortRetry.publish(missing, [{ key: 'k', value: '{}', headers: {} }]);
      await expect(failure).rejects.toBeInstanceOf(PublishFailedError);
      await expect(failure).rejects.toMatchObject({ code: 'PUBLISH_FAILED', retriable: true });
    } finally {
      await shortRetry.disconnect();
    }
  });
});
