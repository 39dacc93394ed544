import { TOPICS, fromKafkaMessage, toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import { LOCK_NAMESPACE, OUTBOX_BUCKET_COUNT } from '@rtw/persistence';
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
// has not yet marked its rows published (see killBetweenAckAndCommit for how the test holds that
// moment open without racing the relay). An at-least-once relay publishes that batch again after
// the restart.
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
        // Deadline scans every second, so that notices are written (and killed) along the way.
        TRACKER_DEADLINE_SCAN_MS: '1000',
      },
    });
    await waitForReady(app.url, { timeoutMs: 90_000 });
    return app;
  }
  const stored = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM "dossier_events"`))[0].n as number;

  /**
   * Processes `chunk` and kills the tracker once the relay has had a batch of it acknowledged by
   * the broker but not yet committed its rows as published. No race: (1) the test holds every
   * outbox bucket's advisory lock, so the relay can claim nothing while the tracker stores the
   * chunk and writes its outbox rows; (2) a SHARE lock on the outbox then lets the relay claim and
   * publish those rows but not mark them; (3) the bucket locks go, the batch reaches the topic,
   * and the tracker dies before its UPDATE can run.
   */
  async function killBetweenAckAndCommit(
    app: AppProcess,
    chunk: JsonEvent[],
    storedAfter: number,
    ourRecords: () => number,
  ): Promise<void> {
    const buckets = db.createQueryRunner();
    const locker = db.createQueryRunner();
    await buckets.connect();
    await locker.connect();
    try {
      await buckets.query(
        `SELECT pg_advisory_lock($1::int, b) FROM generate_series(0, $2::int - 1) AS b`,
        [LOCK_NAMESPACE.outboxBucket, OUTBOX_BUCKET_COUNT],
      );
      // A batch the relay published just before the locks were taken may not be read yet.
      await watcher.caughtUp();
      const before = ourRecords();
      await produceTestMessages(
        inbound,
        chunk.map((event) => toKafkaMessage(event as unknown as CloudEvent)),
      );
      await waitUntil(
        async () => (await stored()) >= storedAfter,
        `${storedAfter} events stored while the relay can claim nothing`,
        120_000,
      );
      expect(ourRecords()).toBe(before);
      await locker.startTransaction();
      await locker.query(`LOCK TABLE "outbox" IN SHARE MODE`);
      await buckets.query(`SELECT pg_advisory_unlock_all()`);
      await waitUntil(
        () => ourRecords() > before,
        'a batch published while its rows cannot be marked',
        60_000,
      );
      expect(await app.stop('SIGKILL')).toBe('SIGKILL');
    } finally {
      // Only now may the killed relay's transaction go on: it finds its client gone and rolls back.
      await buckets.query(`SELECT pg_advisory_unlock_all()`).catch(() => undefined);
      await locker.rollbackTransaction().catch(() => undefined);
      await buckets.release();
      await locker.release();
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

      // A chunk of whole trajectories first, then one more chunk per kill (order kept per dossier).
      const chunks = Array.from({ length: KILLS + 1 }, (_, k) =>
        trajectories.filter((_, i) => i % (KILLS + 1) === k).flatMap((t) => t.events),
      );
      tracker = await start();
      await produceTestMessages(
        inbound,
        chunks[0]!.map((event) => toKafkaMessage(event as unknown as CloudEvent)),
      );
      let storedAfter = chunks[0]!.length;
      for (let kill = 1; kill <= KILLS; kill += 1) {
        await waitUntil(
          async () => (await stored()) >= storedAfter,
          `${storedAfter} events stored`,
          120_000,
        );
        storedAfter += chunks[kill]!.length;
        await killBetweenAckAndCommit(
          tracker,
          chunks[kill]!,
          storedAfter,
          () => ourRecords().length,
        );
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
      // Deadline notices the scans wrote along the way (every second) are counted with the events;
      // whether a generated trajectory has a deadline due soon or missed depends on its dates, so
      // their firing once is proven by deadlines.int-spec.ts, not required here.
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
