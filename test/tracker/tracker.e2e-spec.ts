import { TOPICS, fromKafkaMessage, notifyTopic } from '@rtw/messaging';
import {
  createFreshDatabase,
  createTestDataSource,
  createTestTrust,
  dropDatabase,
  kafkaBrokers,
  routeASalariedWithCpmt,
  startAppProcess,
  uniqueGroupId,
  waitForReady,
  waitUntil,
  watchTopics,
  type AppProcess,
  type JsonEvent,
  type TestTrust,
  type TopicWatcher,
} from '@rtw/testing';
import type { DataSource } from 'typeorm';
import { BATCH, SINGLE, post } from '../../apps/gateway/src/testing/gateway.fixture';

// Insurer and partner through the gateway, the tracker behind it: the whole inbound path as
// processes on the real broker and a database of their own.
describe('a trajectory through the gateway and the tracker', () => {
  let trust: TestTrust;
  let database: { name: string; url: string };
  let db: DataSource;
  let gateway: AppProcess;
  let tracker: AppProcess;
  let watcher: TopicWatcher;
  const CPMT = 'cpmt:0403170701';

  beforeAll(async () => {
    trust = await createTestTrust({
      organisations: [
        { kind: 'insurer', code: '100' },
        { kind: 'cpmt', code: '0403170701' },
      ],
    });
    database = await createFreshDatabase();
    db = await createTestDataSource({ url: database.url });
    const env = {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_TOPIC_PARTITIONS: '3',
      LOG_LEVEL: 'warn',
    };
    [gateway, tracker] = await Promise.all([
      startAppProcess({
        name: 'gateway',
        portKey: 'GATEWAY_PORT',
        env: {
          ...env,
          GATEWAY_ORGANISATIONS_FILE: trust.file,
          GATEWAY_KAFKA_INGRESS: 'false',
        },
      }),
      startAppProcess({
        name: 'tracker',
        portKey: 'TRACKER_PORT',
        env: { ...env, TRACKER_GROUP_ID: uniqueGroupId('tracker-e2e') },
      }),
    ]);
    await Promise.all([waitForReady(gateway.url), waitForReady(tracker.url)]);
    watcher = await watchTopics([TOPICS.dossierEvents, notifyTopic('100')]);
  });
  afterAll(async () => {
    await watcher?.close();
    for (const app of [gateway, tracker]) if (app) expect(await app.stop('SIGTERM')).toBe(0);
    await db?.destroy();
    if (database) await dropDatabase(database.name);
  });

  const submit = async (body: unknown, organisation = 'insurer:100', type = SINGLE) =>
    post(`${gateway.url}${type === BATCH ? '/v1/events/batch' : '/v1/events'}`, body, {
      'content-type': type,
      authorization: `Bearer ${await trust.sign(organisation)}`,
    });
  const onDossierTopic = (dossierId: string) =>
    watcher
      .records((r) => r.topic === TOPICS.dossierEvents && r.key?.toString() === dossierId)
      .map((r) => fromKafkaMessage(r).id);
  const applied = (dossierId: string, version: number) =>
    waitUntil(
      async () =>
        (
          await db.query(`SELECT 1 FROM "dossiers" WHERE "dossier_id" = $1 AND "version" >= $2`, [
            dossierId,
            version,
          ])
        ).length === 1,
      `version ${version} of the dossier`,
      60_000,
    );

  it("accepts an insurer's trajectory, refuses what the law does not allow, and takes a partner's answer only once the referral was accepted", async () => {
    const { dossierId, events } = routeASalariedWithCpmt();
    const isAnswer = (event: JsonEvent) => String(event['source']).startsWith('urn:rtw:org:cpmt:');
    const referral = events.findIndex((e) => e['type'] === 'be.rtw.cpmt.referral.requested');
    const accepted = events[referral + 1]!;
    const insurerSteps = events.filter((event) => !isAnswer(event));

    // The partner answers before it was referred anything: the gateway refuses it.
    const early = await submit(accepted, CPMT);
    expect([early.status, early.body['code']]).toEqual([403, 'DOSSIER_NOT_REFERRED']);

    // The insurer's steps up to the referral; then an out-of-order step the tracker refuses.
    const upToReferral = insurerSteps.slice(0, insurerSteps.indexOf(events[referral]!) + 1);
    const batch = await submit(upToReferral, 'insurer:100', BATCH);
    expect([batch.status, batch.body['accepted']]).toEqual([200, upToReferral.length]);
    await applied(dossierId, upToReferral.length);
    const outOfOrder = insurerSteps.find((e) => e['type'] === 'be.rtw.plan.evaluated')!;
    expect((await submit(outOfOrder)).status).toBe(202);
    const [notice] = await watcher.waitFor(
      (r) =>
        r.topic === notifyTopic('100') &&
        r.key?.toString() === dossierId &&
        fromKafkaMessage(r).type === 'be.rtw.event.rejected',
      1,
      60_000,
    );
    expect(fromKafkaMessage<Record<string, string>>(notice!).data['rejectedEventId']).toBe(
      outOfOrder['id'],
    );

    // Now the tracker has linked the dossier to the prevention service: its answer is taken.
    const answer = { ...accepted, id: `${String(accepted['id'])}-again` };
    const late = await submit(answer, CPMT);
    expect(late.status).toBe(202);
    await applied(dossierId, upToReferral.length + 1);
    await waitUntil(
      () => onDossierTopic(dossierId).includes(answer.id),
      'the answer on rtw.dossier.events.v1',
      60_000,
    );
    expect(onDossierTopic(dossierId)).toEqual([...upToReferral.map((e) => e['id']), answer.id]);
  });
});
