import { TOPICS, fromKafkaMessage, toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import {
  createFreshDatabase,
  createTestDataSource,
  createTestTopics,
  deleteTestTopics,
  dropDatabase,
  kafkaBrokers,
  produceTestMessages,
  routeASalariedWithCpmt,
  routeBSelfEmployedToActiris,
  startAppProcess,
  uniqueGroupId,
  uniqueTopic,
  waitForReady,
  waitUntil,
  watchTopics,
  type AppProcess,
  type JsonEvent,
  type TopicWatcher,
} from '@rtw/testing';
import type { DataSource } from 'typeorm';

const DOSSIERS = 100;
// Four starts of a process and a replay on a busy two-core machine take longer than one int test.
const TIMEOUT_MS = 300_000;
const KILLS = 3;

// Issue "Tracker": killed with SIGKILL mid-batch, several times during a replay, the tracker
// loses nothing and applies every event once (its store and projection); every accepted event
// reaches rtw.dossier.events.v1. Publication is at least once (ADR 0004, 0030): a kill between the
// broker's acknowledgement and the relay's commit may publish a batch again; consumers deduplicate
// by event id, which is what this test counts.
describe('the tracker killed with SIGKILL several times during a replay', () => {
  const inbound = uniqueTopic('tracker-crash-inbound');
  let database: { name: string; url: string };
  let db: DataSource;
  let watcher: TopicWatcher;
  let tracker: AppProcess | undefined;

  beforeAll(async () => {
    await createTestTopics({ topic: inbound, partitions: 3 });
    database = await createFreshDatabase();
    db = await createTestDataSource({ url: database.url });
    watcher = await watchTopics([TOPICS.dossierEvents]);
  });
  afterAll(async () => {
    await tracker?.stop('SIGKILL');
    await watcher?.close();
    await db?.destroy();
    if (database) await dropDatabase(database.name);
    await deleteTestTopics([inbound, `${inbound}.dlq`]);
  });

  const groupId = uniqueGroupId('tracker-crash');
  async function start(): Promise<AppProcess> {
    const app = await startAppProcess({
      name: 'tracker',
      portKey: 'TRACKER_PORT',
      env: {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        KAFKA_BROKERS: kafkaBrokers().join(','),
        KAFKA_TOPIC_PARTITIONS: '3',
        BACKGROUND_RETRY_MAX_MS: '1000',
        TRACKER_INBOUND_TOPIC: inbound,
        TRACKER_GROUP_ID: groupId,
      },
    });
    await waitForReady(app.url, { timeoutMs: 90_000 });
    return app;
  }
  const stored = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM "dossier_events"`))[0].n as number;

  it(
    'loses nothing and applies every event once; every accepted event reaches the dossier topic',
    async () => {
      const trajectories = Array.from({ length: DOSSIERS }, (_, i) =>
        i % 2 === 0 ? routeASalariedWithCpmt() : routeBSelfEmployedToActiris(),
      );
      const events: JsonEvent[] = trajectories.flatMap((t) => t.events);
      const ours = new Set(trajectories.map((t) => t.dossierId));

      tracker = await start();
      await produceTestMessages(
        inbound,
        events.map((event) => toKafkaMessage(event as unknown as CloudEvent)),
      );
      for (let kill = 1; kill <= KILLS; kill += 1) {
        const threshold = Math.floor((events.length * kill) / (KILLS + 1));
        await waitUntil(
          async () => (await stored()) >= threshold,
          `${threshold} events stored`,
          120_000,
        );
        expect(await tracker.stop('SIGKILL')).toBe('SIGKILL');
        tracker = await start();
      }
      await waitUntil(
        async () => (await stored()) === events.length,
        'every event stored',
        180_000,
      );

      // Applied once: one row per event id, every dossier at the version of its whole trajectory.
      const [{ distinct }] = await db.query(
        `SELECT count(DISTINCT "event_id")::int AS "distinct" FROM "dossier_events"`,
      );
      expect(distinct).toBe(events.length);
      const versions: Array<{ dossier_id: string; version: number }> = await db.query(
        `SELECT "dossier_id", "version" FROM "dossiers"`,
      );
      const expected = new Map(trajectories.map((t) => [t.dossierId, t.events.length]));
      expect(versions.filter((v) => expected.get(v.dossier_id) !== v.version)).toEqual([]);
      expect(versions).toHaveLength(DOSSIERS);

      // Nothing lost downstream: every accepted event on the dossier topic, counted by event id.
      const ids = new Set(events.map((event) => String(event['id'])));
      await waitUntil(
        () => {
          const seen = new Set(
            watcher
              .records((r) => ours.has(r.key?.toString() ?? ''))
              .map((r) => fromKafkaMessage(r).id),
          );
          return [...ids].every((id) => seen.has(id));
        },
        'every accepted event on rtw.dossier.events.v1',
        120_000,
      );
      // Nothing stays behind in the outbox either (deadline events keep coming, so wait for it).
      await waitUntil(
        async () =>
          (await db.query(`SELECT 1 FROM "outbox" WHERE "published_at" IS NULL LIMIT 1`)).length ===
          0,
        'an empty outbox',
        60_000,
      );
    },
    TIMEOUT_MS,
  );
});
