import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Consumer } from 'kafkajs';
import {
  dlqTopic,
  fromKafkaMessage,
  notifyTopic,
  toKafkaMessage,
  type CloudEvent,
} from '@rtw/messaging';
import {
  createFreshDatabase,
  createTestDataSource,
  deleteTestGroups,
  deleteTestTopics,
  dropDatabase,
  generateNiss,
  headerText,
  produceTestMessages,
  testKafka,
  uniqueGroupId,
  waitUntil,
  type ConsumedTestRecord,
  createTestTrust,
  exampleEvent,
  type JsonEvent,
  type TestTrust,
} from '@rtw/testing';
import { startGateway, type RunningGateway } from '../testing/gateway.fixture';

describe('the Kafka ingress of an insurer publishing straight to Kafka', () => {
  const suffix = randomUUID().slice(0, 8);
  const pattern = `test.ingress${suffix}.{insurer}.v1`;
  const topic = `test.ingress${suffix}.100.v1`;
  const groupId = uniqueGroupId('gateway-ingress');
  let trust: TestTrust;
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let gateway: RunningGateway;
  const collectors: Consumer[] = [];
  const received = new Map<string, ConsumedTestRecord[]>();

  async function collect(from: string): Promise<void> {
    const consumer = testKafka().consumer({ groupId: uniqueGroupId('ingress-collector') });
    collectors.push(consumer);
    received.set(from, []);
    await consumer.connect();
    await consumer.subscribe({ topics: [from], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic: t, partition, message }) =>
        void received.get(from)!.push({
          topic: t,
          partition,
          ...message,
          key: message.key,
          value: message.value,
          headers: message.headers ?? {},
        }),
    });
  }
  const event = (overrides: Partial<JsonEvent> = {}) => ({
    ...exampleEvent('dossier.opened', {
      dossierId: randomUUID(),
      insurer: '100',
      niss: generateNiss(),
    }),
    ...overrides,
  });
  const produce = (candidate: JsonEvent) =>
    produceTestMessages(topic, [toKafkaMessage(candidate as unknown as CloudEvent)]);
  const notices = () =>
    (received.get(notifyTopic('100')) ?? []).map((record) =>
      fromKafkaMessage<Record<string, string>>(record),
    );

  beforeAll(async () => {
    trust = await createTestTrust({ organisations: [{ kind: 'insurer', code: '100' }] });
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    gateway = await startGateway({
      DATABASE_URL: database.url,
      GATEWAY_ORGANISATIONS_FILE: trust.file,
      GATEWAY_KAFKA_INGRESS: 'true',
      GATEWAY_INGRESS_TOPIC_PATTERN: pattern,
      GATEWAY_INGRESS_GROUP_ID: groupId,
    });
    await Promise.all([collect(dlqTopic(topic)), collect(notifyTopic('100'))]);
  });
  afterAll(async () => {
    for (const consumer of collectors) await consumer.disconnect();
    await gateway?.close();
    await deleteTestGroups([groupId]);
    await deleteTestTopics([topic, dlqTopic(topic)]);
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  const idempotency = (id: unknown) =>
    dataSource.query(
      `SELECT "channel", "organisation_id" FROM "ingress_idempotency" WHERE "event_id" = $1`,
      [id],
    );
  const audit = (id: unknown) =>
    dataSource.query(
      `SELECT "outcome", "reason_code" FROM "ingress_audit" WHERE "event_id" = $1 ORDER BY "id"`,
      [id],
    ) as Promise<Array<{ outcome: string; reason_code: string | null }>>;

  it('records a valid record like an HTTP submission, once, even when it is published twice', async () => {
    const valid = event();
    await produce(valid);
    await produce(valid);

    await waitUntil(
      async () => (await audit(valid['id'])).length === 2,
      'both copies to be judged',
    );
    expect(await idempotency(valid['id'])).toEqual([
      { channel: 'kafka', organisation_id: 'insurer:100' },
    ]);
    expect((await audit(valid['id'])).map((row) => row.outcome)).toEqual(['accepted', 'duplicate']);
  });

  it('dead-letters a refused record and tells the insurer why, with the field at fault', async () => {
    const bad = event();
    const insured = (bad['data'] as { insured: { niss: string } }).insured;
    insured.niss =
      insured.niss.slice(0, 9) + String((Number(insured.niss.slice(9)) + 1) % 100).padStart(2, '0');
    const foreign = event({ insurer: '200' });
    await produce(bad);
    await produce(foreign);

    await waitUntil(
      () =>
        notices().filter((n) => [bad['id'], foreign['id']].includes(n.data['rejectedEventId']))
          .length === 2,
      'two rejection notices',
      30_000,
    );
    const byId = new Map(notices().map((notice) => [notice.data['rejectedEventId'], notice]));
    expect(byId.get(bad['id'] as string)).toMatchObject({
      type: 'be.rtw.event.rejected',
      subject: bad['subject'],
      insurer: '100',
      data: { reasonCode: 'NISS_INVALID', pointer: '/data/insured/niss' },
    });
    expect(byId.get(foreign['id'] as string)?.data).toMatchObject({
      reasonCode: 'INSURER_MISMATCH',
      pointer: '/insurer',
    });
    const dead = received
      .get(dlqTopic(topic))!
      .map((record) => [
        headerText(record.headers, 'ce_id'),
        headerText(record.headers, 'dlq-error-code'),
      ]);
    expect(dead).toEqual(
      expect.arrayContaining([
        [bad['id'], 'NISS_INVALID'],
        [foreign['id'], 'INSURER_MISMATCH'],
      ]),
    );
    expect(await idempotency(bad['id'])).toEqual([]);
    expect((await audit(bad['id'])).map((row) => row.reason_code)).toEqual(['NISS_INVALID']);
  });

  it('refuses duplicate keys in a record value as the HTTP parser does, naming the field', async () => {
    const valid = event();
    const message = toKafkaMessage(valid as unknown as CloudEvent);
    // Same bytes as the binding writes, with the first key of `data` repeated.
    const value = message.value.replace(/^\{"(\w+)":/, '{"$1":"x","$1":');
    await produceTestMessages(topic, [{ ...message, value }]);

    await waitUntil(
      () => notices().some((n) => n.data['rejectedEventId'] === valid['id']),
      'the rejection notice',
      30_000,
    );
    const firstKey = /^\{"(\w+)":/.exec(message.value)?.[1];
    expect(notices().find((n) => n.data['rejectedEventId'] === valid['id'])?.data).toMatchObject({
      reasonCode: 'JSON_DUPLICATE_KEY',
      pointer: `/data/${firstKey}`,
    });
    expect(await idempotency(valid['id'])).toEqual([]);
  });

  it('dead-letters a record that is not a CloudEvent and still tells the insurer', async () => {
    const id = randomUUID();
    await produceTestMessages(topic, [
      {
        key: randomUUID(),
        value: 'not json',
        headers: {
          ce_specversion: '1.0',
          ce_id: id,
          ce_type: 'be.rtw.contact.held',
          'content-type': 'application/json',
        },
      },
    ]);

    await waitUntil(
      () => notices().some((n) => n.data['rejectedEventId'] === id),
      'the rejection notice',
      30_000,
    );
    expect(notices().find((n) => n.data['rejectedEventId'] === id)?.data).toMatchObject({
      reasonCode: 'CLOUDEVENT_INVALID',
      rejectedEventType: 'be.rtw.contact.held',
    });
  });
});
