import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { TOPICS, fromKafkaMessage, toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import {
  createFreshDatabase,
  deleteTestGroups,
  deleteTestTopics,
  dropDatabase,
  generateNiss,
  kafkaBrokers,
  produceTestMessages,
  startAppProcess,
  testKafka,
  uniqueGroupId,
  waitForStatus,
  waitUntil,
  type AppProcess,
  createTestTrust,
  exampleEvent,
  trajectoryEvents,
  type JsonEvent,
  type TestTrust,
} from '@rtw/testing';
import {
  badInputCases,
  sendBadInput,
  type BadInputContext,
} from '../../apps/gateway/src/testing/bad-inputs.fixture';
import { BATCH, SINGLE, post } from '../../apps/gateway/src/testing/gateway.fixture';

/** Interleaves the trajectories of several dossiers, as an insurer's nightly batch would. */
function interleave(trajectories: JsonEvent[][]): JsonEvent[] {
  const longest = Math.max(...trajectories.map((t) => t.length));
  return Array.from({ length: longest }, (_, step) =>
    trajectories.flatMap((t) => (t[step] ? [t[step]] : [])),
  ).flat();
}

describe('the gateway as a real process on the real broker and database', () => {
  const suffix = randomUUID().slice(0, 8);
  const ingressTopic = `test.ingress${suffix}.100.v1`;
  const ingressGroup = uniqueGroupId('gateway-e2e-ingress');
  let trust: TestTrust;
  let database: { name: string; url: string };
  let gateway: AppProcess;
  let inbound: Consumer;
  const arrived: CloudEvent[] = [];
  const bearer = async () => `Bearer ${await trust.sign('insurer:100')}`;

  beforeAll(async () => {
    trust = await createTestTrust({
      environment: 'production',
      organisations: [
        { kind: 'insurer', code: '100' },
        { kind: 'cpmt', code: '0403170701' },
      ],
    });
    database = await createFreshDatabase();
    inbound = testKafka().consumer({ groupId: uniqueGroupId('gateway-e2e-inbound') });
    await inbound.connect();
    await inbound.subscribe({ topics: [TOPICS.inboundEvents], fromBeginning: false });
    await inbound.run({
      eachMessage: async ({ message }) => void arrived.push(fromKafkaMessage(message)),
    });
    await waitUntil(
      async () => (await inbound.describeGroup()).state === 'Stable',
      'the inbound consumer to join',
      60_000,
    );
    gateway = await startAppProcess({
      name: 'gateway',
      portKey: 'GATEWAY_PORT',
      env: {
        NODE_ENV: 'production',
        LOG_LEVEL: 'info',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: kafkaBrokers().join(','),
        KAFKA_TOPIC_PARTITIONS: '3',
        GATEWAY_ORGANISATIONS_FILE: trust.file,
        GATEWAY_BATCH_MAX_EVENTS: '50',
        GATEWAY_INGRESS_TOPIC_PATTERN: `test.ingress${suffix}.{insurer}.v1`,
        GATEWAY_INGRESS_GROUP_ID: ingressGroup,
      },
    });
    expect(await waitForStatus(gateway, '/health/ready')).toBe(200);
  });
  afterAll(async () => {
    await inbound?.disconnect();
    if (gateway) expect(await gateway.stop('SIGTERM')).toBe(0);
    await deleteTestGroups([ingressGroup]);
    await deleteTestTopics([ingressTopic, `${ingressTopic}.dlq`]);
    if (database) await dropDatabase(database.name);
  });

  it("delivers an insurer's signed batch to rtw.inbound.events.v1 with each dossier's events in order, and answers the repeat as duplicates", async () => {
    const trajectories = [1, 2, 3].map(() =>
      trajectoryEvents({ dossierId: randomUUID(), insurer: '100', niss: generateNiss() }),
    );
    const batch = interleave(trajectories);

    const response = await post(`${gateway.url}/v1/events/batch`, batch, {
      'content-type': BATCH,
      authorization: await bearer(),
    });
    expect([response.status, response.body['accepted'], response.body['rejected']]).toEqual([
      200,
      batch.length,
      0,
    ]);

    const ids = new Set(batch.map((event) => event['id']));
    await waitUntil(
      () => arrived.filter((event) => ids.has(event.id)).length >= batch.length,
      'the batch on rtw.inbound.events.v1',
      60_000,
    );
    for (const trajectory of trajectories) {
      const dossierId = trajectory[0]!['subject'];
      expect(
        arrived.filter((event) => event.subject === dossierId).map((event) => event.id),
      ).toEqual(trajectory.map((event) => event['id']));
    }
    expect(arrived.find((event) => event.id === batch[0]!['id'])).toMatchObject({
      type: 'be.rtw.dossier.opened',
      insurer: '100',
      source: 'urn:rtw:org:insurer:100',
      data: batch[0]!['data'],
    });

    const repeat = await post(`${gateway.url}/v1/events/batch`, batch, {
      'content-type': BATCH,
      authorization: await bearer(),
    });
    expect([
      repeat.status,
      repeat.body['duplicates'],
      repeat.headers.get('idempotent-replay'),
    ]).toEqual([200, batch.length, 'true']);
    const single = await post(`${gateway.url}/v1/events`, batch[0], {
      'content-type': SINGLE,
      authorization: await bearer(),
    });
    expect([single.status, single.headers.get('idempotent-replay')]).toEqual([202, 'true']);
  });

  it('gives every bad input of the issue its own reason code, and keeps running', async () => {
    const replayedAuthorization = await bearer();
    const first = exampleEvent('contact.held', {
      dossierId: randomUUID(),
      insurer: '100',
      niss: generateNiss(),
    });
    expect(
      (
        await post(`${gateway.url}/v1/events`, first, {
          'content-type': SINGLE,
          authorization: replayedAuthorization,
        })
      ).status,
    ).toBe(202);
    const context: BadInputContext = {
      trust,
      insurer: 'insurer:100',
      partner: 'cpmt:0403170701',
      replayedAuthorization,
      batchMaxEvents: 50,
      eventMaxBytes: 256 * 1024,
    };

    const cases = badInputCases(context);
    const answers = [];
    for (const input of cases) answers.push(await sendBadInput(gateway.url, input, context));

    expect(answers.map((answer) => answer.code)).toEqual(cases.map((input) => input.code));
    expect(answers.every((answer) => answer.status >= 400 && answer.status < 500)).toBe(true);
    expect(gateway.child.exitCode).toBeNull();
  });

  it('relays an event the insurer published on its Kafka ingress topic', async () => {
    const event = exampleEvent('questionnaire.sent', {
      dossierId: randomUUID(),
      insurer: '100',
      niss: generateNiss(),
    });
    await waitUntil(
      () => gateway.output().includes('Consumer started'),
      'the Kafka ingress to start',
      60_000,
    );
    await produceTestMessages(ingressTopic, [toKafkaMessage(event as unknown as CloudEvent)]);
    await waitUntil(
      () => arrived.some((received) => received.id === event['id']),
      'the ingress event on rtw.inbound.events.v1',
      60_000,
    );
  });
});
