import { randomUUID } from 'node:crypto';
import { ContractRegistry } from '@rtw/contracts';
import {
  TOPICS,
  fromKafkaMessage,
  notifyTopic,
  toKafkaMessage,
  type CloudEvent,
} from '@rtw/messaging';
import type { DataSource } from 'typeorm';
import {
  createTestDataSource,
  createTestTopics,
  deleteTestTopics,
  exampleEvent,
  produceTestMessages,
  routeASalariedWithCpmt,
  routeBSelfEmployedToActiris,
  uniqueGroupId,
  uniqueTopic,
  waitUntil,
  watchTopics,
  type JsonEvent,
  type ScriptedTrajectory,
  type TopicWatcher,
} from '@rtw/testing';
import { startTracker, type RunningTracker } from '../testing/tracker.fixture';
import { RetentionPurger } from './retention.purger';

const inbound = uniqueTopic('tracker-retention');
const INSURER = '100';
const DAY = 86_400_000;

/** Every table in which the tracker keeps rows of a dossier. */
const TABLES = [
  'dossier_events',
  'dossier_refusals',
  'dossier_deadlines',
  'dossier_deliveries',
  'dossier_relations',
  'dossier_consents',
  'dossier_access_audit',
  'dossiers',
] as const;

/** A scripted trajectory followed by the end of the incapacity on `endedOn`. */
function withIncapacityEnd(trajectory: ScriptedTrajectory, endedOn: string): ScriptedTrajectory {
  const ended = exampleEvent('incapacity.ended', {
    dossierId: trajectory.dossierId,
    insurer: trajectory.insurer,
    niss: trajectory.niss,
  });
  ended['data'] = { endedOn };
  return { ...trajectory, events: [...trajectory.events, ended] };
}

describe('the retention purge of the tracker, moved by its controllable clock', () => {
  let tracker: RunningTracker;
  let db: DataSource;
  let watcher: TopicWatcher;
  const contracts = ContractRegistry.load();

  // Closed in 2024, incapacity ended 2024-04-29: kept until 2027-12-31.
  const early = [1, 2, 3].map(() =>
    withIncapacityEnd(
      routeASalariedWithCpmt({ insurer: INSURER, incapacityStart: '2023-03-06' }),
      '2024-04-29',
    ),
  );
  // Closed in 2025, incapacity ended 2025-04-28: kept until 2028-12-31.
  const later = withIncapacityEnd(
    routeASalariedWithCpmt({ insurer: INSURER, incapacityStart: '2024-03-04' }),
    '2025-04-28',
  );
  // The trajectory closed and the incapacity ended in 2023, but the dossier itself stays open.
  const open = withIncapacityEnd(
    routeBSelfEmployedToActiris({ insurer: INSURER, incapacityStart: '2023-03-06' }),
    '2023-12-01',
  );
  const all = [...early, later, open];

  beforeAll(async () => {
    await createTestTopics({ topic: inbound, partitions: 3 });
    db = await createTestDataSource();
    tracker = await startTracker({
      TRACKER_INBOUND_TOPIC: inbound,
      TRACKER_GROUP_ID: uniqueGroupId('tracker-retention'),
      TRACKER_RETENTION_SCAN_MS: '200',
      // Three dossiers due at once: two transactions.
      TRACKER_RETENTION_BATCH_SIZE: '2',
      TRACKER_PROCESSED_PURGE_MS: '200',
      TRACKER_PROCESSED_RETENTION_DAYS: '120',
    });
    watcher = await watchTopics([TOPICS.dossierEvents, notifyTopic(INSURER)]);
  });
  afterAll(async () => {
    await tracker?.close();
    await watcher?.close();
    await db?.destroy();
    await deleteTestTopics([inbound, `${inbound}.dlq`]);
  });

  const publish = (events: JsonEvent[]) =>
    produceTestMessages(
      inbound,
      events.map((event) => toKafkaMessage(event as unknown as CloudEvent)),
    );
  const rowsOf = async (dossierId: string) => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM "${table}" WHERE "dossier_id" = $1`,
        [dossierId],
      );
      counts[table] = n;
    }
    return counts;
  };
  const exists = async (dossierId: string) =>
    (await db.query(`SELECT 1 FROM "dossiers" WHERE "dossier_id" = $1`, [dossierId])).length === 1;
  const events = (dossierId: string, topic: string, type: string) =>
    watcher
      .records((record) => record.topic === topic && record.key?.toString() === dossierId)
      .map((record) => fromKafkaMessage<Record<string, unknown>>(record))
      .filter((event) => event.type === type);
  const runs = async (job: string) => {
    const metrics = await (await fetch(`${tracker.url}/metrics`)).text();
    const line = metrics
      .split('\n')
      .find((l) => l.includes(`job="${job}"`) && l.includes('result="success"'));
    return Number(line?.split(' ').at(-1) ?? 0);
  };
  const moreRuns = async (job: string, count: number) => {
    const before = await runs(job);
    await waitUntil(
      async () => (await runs(job)) >= before + count,
      `${count} more runs of ${job}`,
    );
  };
  // Midnight in Brussels (UTC+1 in winter) is 23:00 UTC the day before.
  const belgian = (date: string, time: string) => new Date(`${date}T${time}+01:00`);

  it('runs the purges as supervised jobs listed in readiness', async () => {
    const ready = (await (await fetch(`${tracker.url}/health/ready`)).json()) as {
      details: Record<string, { status: string }>;
    };
    expect(ready.details['job:retention-purge']?.status).toBe('up');
    expect(ready.details['job:processed-events-purge']?.status).toBe('up');
  });

  it('keeps a closed dossier through 31 December of the third year, then erases every row of it once, and never an open dossier', async () => {
    await publish(all.flatMap((trajectory) => trajectory.events));
    for (const { dossierId, events: list } of all)
      await waitUntil(
        async () =>
          (
            await db.query(`SELECT 1 FROM "dossiers" WHERE "dossier_id" = $1 AND "version" = $2`, [
              dossierId,
              list.length,
            ])
          ).length === 1,
        'the trajectory applied',
      );
    // A refused step, a delivery outcome and a read of its timeline, so that every table holds
    // rows of the dossier.
    const [first] = early;
    await publish([
      exampleEvent('contact.held', {
        dossierId: first!.dossierId,
        insurer: INSURER,
        niss: first!.niss,
      }),
    ]);
    await waitUntil(
      async () => (await rowsOf(first!.dossierId)).dossier_refusals === 1,
      'the refusal recorded',
    );
    await db.query(
      `INSERT INTO "dossier_deliveries" ("message_id", "dossier_id", "partner", "outcome",
         "attempts", "receipt_id", "recorded_at")
       VALUES ($1, $2, 'cpmt:0403170701', 'delivered', 1, $3, now())`,
      [randomUUID(), first!.dossierId, randomUUID()],
    );
    await db.query(
      `INSERT INTO "dossier_access_audit" ("accessed_at", "dossier_id", "actor_organisation",
         "actor_subject", "roles", "found", "identity_shown")
       VALUES (now(), $1, 'support:hub-support', 'agent-7', ARRAY['viewer'], true, false)`,
      [first!.dossierId],
    );
    for (const table of TABLES)
      expect([table, (await rowsOf(first!.dossierId))[table]]).not.toEqual([table, 0]);
    const [{ retention_until: until, status }] = await db.query(
      `SELECT to_char("retention_until", 'YYYY-MM-DD') AS "retention_until", "status"
       FROM "dossiers" WHERE "dossier_id" = $1`,
      [first!.dossierId],
    );
    expect([until, status]).toEqual(['2027-12-31', 'closed']);

    // The last evening of the retention period, in Brussels: everything kept.
    tracker.clock.set(belgian('2027-12-31', '23:30:00'));
    await moreRuns('job:retention-purge', 2);
    for (const { dossierId } of all) expect(await exists(dossierId)).toBe(true);

    // Half an hour into 1 January 2028 in Brussels: the three early dossiers go, two per batch.
    tracker.clock.set(belgian('2028-01-01', '00:30:00'));
    for (const { dossierId } of early)
      await watcher.waitFor(
        (record) =>
          record.topic === TOPICS.dossierEvents &&
          record.key?.toString() === dossierId &&
          fromKafkaMessage(record).type === 'be.rtw.dossier.purged',
      );
    await moreRuns('job:retention-purge', 3);
    // Two tracker instances running the purge at the same time find nothing left to do.
    const purger = tracker.app.get(RetentionPurger);
    await expect(Promise.all([purger.purge(), purger.purge()])).resolves.toEqual([0, 0]);

    for (const { dossierId } of early) {
      expect(await rowsOf(dossierId)).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
      const record = await db.query(
        `SELECT "insurer", to_char("retention_until", 'YYYY-MM-DD') AS "retention_until",
                "purged_at" FROM "dossier_purges" WHERE "dossier_id" = $1`,
        [dossierId],
      );
      expect(record).toEqual([
        { insurer: INSURER, retention_until: '2027-12-31', purged_at: expect.any(Date) },
      ]);
      for (const topic of [TOPICS.dossierEvents, notifyTopic(INSURER)]) {
        const purged = events(dossierId, topic, 'be.rtw.dossier.purged');
        expect(purged).toHaveLength(1);
        expect(purged[0]).toMatchObject({
          source: 'urn:rtw:org:hub',
          subject: dossierId,
          insurer: INSURER,
          dataschema: 'urn:rtw:schema:be.rtw.dossier.purged:v1',
          data: { purgedOn: '2028-01-01', reason: 'retention-ended' },
        });
        expect(contracts.validateEvent(purged[0])).toMatchObject({ ok: true });
      }
    }
    expect(await exists(later.dossierId)).toBe(true);
    expect(await exists(open.dossierId)).toBe(true);

    // A year later the later dossier goes too; the open one stays, however old its dates.
    tracker.clock.set(belgian('2029-01-01', '12:00:00'));
    await watcher.waitFor(
      (record) =>
        record.topic === TOPICS.dossierEvents &&
        record.key?.toString() === later.dossierId &&
        fromKafkaMessage(record).type === 'be.rtw.dossier.purged',
    );
    tracker.clock.set(belgian('2040-01-01', '12:00:00'));
    await moreRuns('job:retention-purge', 2);
    expect(await rowsOf(later.dossierId)).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
    expect(await exists(open.dossierId)).toBe(true);
    expect(events(open.dossierId, TOPICS.dossierEvents, 'be.rtw.dossier.purged')).toEqual([]);
  });

  it('refuses a replayed event of an erased dossier instead of bringing the dossier back', async () => {
    const [first] = early;
    const replayed = first!.events[0]!;
    const rejectionOfReplay = (
      record: Parameters<Parameters<TopicWatcher['records']>[0] & {}>[0],
    ) =>
      record.topic === notifyTopic(INSURER) &&
      record.key?.toString() === first!.dossierId &&
      fromKafkaMessage<{ rejectedEventId?: string }>(record).data.rejectedEventId ===
        replayed['id'];
    await publish([replayed]);
    await watcher.waitFor(rejectionOfReplay);
    const [rejection] = watcher.records(rejectionOfReplay).map((r) => fromKafkaMessage(r));
    expect(rejection).toMatchObject({
      type: 'be.rtw.event.rejected',
      data: { rejectedEventType: 'be.rtw.dossier.opened', reasonCode: 'DOSSIER_PURGED' },
    });
    expect(await rowsOf(first!.dossierId)).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
    // Only its first acceptance, years ago, was published.
    expect(events(first!.dossierId, TOPICS.dossierEvents, 'be.rtw.dossier.opened')).toHaveLength(1);
  });

  it('forgets processed-event keys older than the configured window, and only those', async () => {
    const group = uniqueGroupId('retention-inbox');
    tracker.clock.set(belgian('2031-06-01', '12:00:00'));
    const now = tracker.clock.now().getTime();
    const at = (days: number) => new Date(now - days * DAY);
    await db.query(
      `INSERT INTO "processed_events" ("consumer_group", "event_id", "processed_at")
       VALUES ($1, 'old', $2), ($1, 'edge', $3), ($1, 'recent', $4)`,
      [group, at(200), at(121), at(100)],
    );
    await waitUntil(
      async () =>
        (await db.query(`SELECT 1 FROM "processed_events" WHERE "consumer_group" = $1`, [group]))
          .length === 1,
      'the old keys forgotten',
    );
    await moreRuns('job:processed-events-purge', 2);
    const kept = await db.query(
      `SELECT "event_id" FROM "processed_events" WHERE "consumer_group" = $1`,
      [group],
    );
    expect(kept).toEqual([{ event_id: 'recent' }]);
    await db.query(`DELETE FROM "processed_events" WHERE "consumer_group" = $1`, [group]);
  });
});
