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
// loses nothing and applies every event once (its store and projection); every accepted event and
// every deadline notice reaches rtw.dossier.events.v1 exactly once, counted by event id (ADR 0033).
// Each kill lands in the relay's worst moment: the broker has acknowledged a batch and the relay
// has not yet marked its rows published. The test holds that moment open with a SHARE lock on the
// outbox (the relay's claim still runs, its UPDATE waits), sees the batch arrive on the topic, kills
// the tracker, then lets go: an at-least-once relay publishes that batch again after the restart.
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

  /**
   * Kills the tracker once the relay has had a batch acknowledged by the broker but not yet
   * committed its rows as published: with the outbox SHARE-locked, the relay claims and publishes
   * pending rows, then waits on its UPDATE. Retried when nothing was pending under the lock.
   */
  async function killBetweenAckAndCommit(app: AppProcess, ourRecords: () => number): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const locker = db.createQueryRunner();
      await locker.connect();
      try {
        await locker.startTransaction();
        await locker.query(`LOCK TABLE "outbox" IN SHARE MODE`);
        const before = ourRecords();
        const published = await waitUntil(
          () => ourRecords() > before,
          'a batch published while its rows cannot be marked',
          10_000,
        ).then(
          () => true,
          () => false,
        );
        if (published || attempt === 10) {
          expect(published).toBe(true);
          expect(await app.stop('SIGKILL')).toBe('SIGKILL');
          return;
        }
      } finally {
        // Only now may the killed relay's transaction go on: it finds its client gone and rolls back.
        await locker.rollbackTransaction().catch(() => undefined);
        await locker.release();
      }
    }
  }

  it(
    'loses nothing, applies every event once and publishes each accepted event and deadline notice once',
    async () => {
      const trajectories = Array.from({ length: DOSSIERS }, (_, i) =>
        i % 2 === 0 ? routeASalariedWithCpmt() : routeBSelfEmployedToActiris(),
      );
      const events: JsonEvent[] = trajectories.flatMap((t) => t.events);
      const ours = new Set(trajectories.map((t) => t.dossierId));
      const ourRecords = () => watcher.records((r) => ours.has(r.key?.toString() ?? ''));

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
        await killBetweenAckAndCommit(tracker, () => ourRecords().length);
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
          const seen = new Set(ourRecords().map((r) => fromKafkaMessage(r).id));
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

      // Nothing twice: not an accepted event, not a deadline notice (they go through the outbox).
      const published: Array<{ event_id: string; type: string }> = await db.query(
        `SELECT "headers"->>'ce_id' AS "event_id", "headers"->>'ce_type' AS "type" FROM "outbox"
         WHERE "topic" = $1 AND "message_key" = ANY($2::text[])`,
        [TOPICS.dossierEvents, [...ours]],
      );
      // The generated trajectories leave some legal deadlines missed: their notices count too.
      expect(published.some((row) => row.type.startsWith('be.rtw.deadline.'))).toBe(true);
      await waitUntil(
        () => ourRecords().length >= published.length,
        'every published outbox row on the topic',
        60_000,
      );
      const counts = new Map<string, number>();
      for (const record of ourRecords()) {
        const id = fromKafkaMessage(record).id;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      expect([...counts].filter(([, count]) => count > 1)).toEqual([]);
      expect(counts.size).toBe(new Set(published.map((row) => row.event_id)).size);
    },
    TIMEOUT_MS,
  );
});
