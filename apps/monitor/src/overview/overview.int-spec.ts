import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  createTestDataSource,
  createTestTopics,
  deleteTestGroups,
  deleteTestTopics,
  freePort,
  kafkaBrokers,
  produceTestMessages,
  testDatabaseUrl,
  uniqueGroupId,
  waitUntil,
  withAdmin,
} from '@rtw/testing';
import { belgianDate } from './deadlines/database-figures.reader';
import type { Overview } from './overview.types';
import { overviewOf, startMonitorOn } from './testing/monitor.fixture';

/** Events per minute × minutes between history points: how many records the history saw. */
function recordsIn(history: Overview['history']): number {
  let total = 0;
  history.eventsIn.forEach((rate, index) => {
    const from = history.at[index - 1];
    if (rate === null || from === undefined) return;
    total += (rate * (Date.parse(history.at[index]!) - Date.parse(from))) / 60_000;
  });
  return Math.round(total);
}

describe('the monitor overview on a real broker and database', () => {
  const suffix = randomUUID().slice(0, 8);
  const prefix = `test.mon-${suffix}.`;
  const topic = `${prefix}events`;
  const dlq = `${topic}.dlq`;
  const group = uniqueGroupId('monitor-overview');
  // An insurer code of this file only (the column is text; real codes are three digits).
  const insurer = `t${suffix}`;
  let database: DataSource;
  let monitor: { app: INestApplication; url: string } | undefined;

  beforeAll(async () => {
    database = await createTestDataSource();
    await createTestTopics({ topic, partitions: 2 }, { topic: dlq, partitions: 2 });
  });

  afterAll(async () => {
    await monitor?.app.close();
    await database.query(`DELETE FROM "dossier_deadlines" WHERE "insurer" = $1`, [insurer]);
    await database.destroy();
    await deleteTestGroups([group]);
    await deleteTestTopics();
  });

  it('shows rates, lag, dead letters, deadlines and per-source status from the real sources', async () => {
    const port = await freePort();
    const self = `http://127.0.0.1:${port}`;
    const unreachable = `http://127.0.0.1:${await freePort()}`;
    const fullEnv = {
      KAFKA_BROKERS: kafkaBrokers().join(','),
      DATABASE_URL: testDatabaseUrl(),
      MONITOR_TOPIC_PREFIX: prefix,
      MONITOR_SAMPLE_INTERVAL_MS: '300',
      MONITOR_SCRAPE_TARGETS: `monitor=${self},tracker=${unreachable}`,
    };
    monitor = { app: await startMonitorOn(port, fullEnv), url: self };
    await waitUntil(
      async () => {
        const { sources } = overviewOf(monitor!.app);
        return sources.kafka === 'ok' && sources.database === 'ok';
      },
      'the first sample of the broker and the database',
      30_000,
    );

    const today = belgianDate(new Date());
    await database.query(
      `INSERT INTO "dossier_deadlines" ("dossier_id", "insurer", "rule_id", "started_by", "starts_on",
         "due_on", "status", "missed_at")
       VALUES ($1, $2, 'r-a', 'e', $3::date, $3::date, 'open', NULL),
              ($1, $2, 'r-b', 'e', $3::date, $3::date + 3, 'open', NULL),
              ($1, $2, 'r-c', 'e', $3::date, $3::date + 60, 'open', NULL),
              ($1, $2, 'r-d', 'e', $3::date, $3::date - 1, 'missed', now()),
              ($1, $2, 'r-e', 'e', $3::date, $3::date - 9, 'missed', now() - interval '3 days'),
              ($1, $2, 'retention-dossier-data', 'e', $3::date, $3::date, 'open', NULL)`,
      [randomUUID(), insurer, today],
    );
    const records = (n: number, partition: number) =>
      Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `{"n":${i}}`, partition }));
    await produceTestMessages(topic, [...records(7, 0), ...records(5, 1)]);
    await produceTestMessages(dlq, records(2, 1));
    // A fresh broker creates its offsets topic on first use: retry while the coordinator loads.
    await waitUntil(
      () =>
        withAdmin((admin) =>
          admin.setOffsets({
            groupId: group,
            topic,
            partitions: [
              { partition: 0, offset: '4' },
              { partition: 1, offset: '5' },
            ],
          }),
        ).then(
          () => true,
          () => false,
        ),
      'the group offsets committed',
      30_000,
    );

    let overview = overviewOf(monitor!.app);
    await waitUntil(
      async () => {
        overview = overviewOf(monitor!.app);
        return (
          overview.consumerGroups.some((g) => g.groupId === group) &&
          overview.deadlines.some((d) => d.insurer === insurer) &&
          recordsIn(overview.history) === 12
        );
      },
      'the records, the group and the deadlines in the overview',
      30_000,
    );

    expect(overview.sources).toEqual({ kafka: 'ok', database: 'ok', metrics: 'partial' });
    expect(overview.topics.map((t) => t.topic)).toEqual([topic]);
    expect(overview.topics[0]?.inPerMinute).toEqual(expect.any(Number));
    expect(overview.deadLetters).toEqual([{ topic: dlq, count: 2 }]);
    expect(overview.consumerGroups.find((g) => g.groupId === group)).toEqual({
      groupId: group,
      totalLag: 3,
      partitions: [
        { topic, partition: 0, lag: 3 },
        { topic, partition: 1, lag: 0 },
      ],
    });
    // Due today and in three days (not in 60, not the retention clock); one missed today.
    expect(overview.deadlines.find((d) => d.insurer === insurer)).toEqual({
      insurer,
      dueSoon: 2,
      missedToday: 1,
    });
    // The same figures for Prometheus, at the monitor's own /metrics.
    const metrics = await (await fetch(`${self}/metrics`)).text();
    expect(metrics).toContain(
      `rtw_monitor_consumer_lag{group="${group}",topic="${topic}",app="monitor"} 3`,
    );
    expect(metrics).toContain(`rtw_monitor_dead_letters{topic="${dlq}",app="monitor"} 2`);
    expect(metrics).toContain(
      `rtw_monitor_deadlines_missed_today{insurer="${insurer}",app="monitor"} 1`,
    );
    expect(metrics).toContain('rtw_monitor_app_ready{target="tracker",app="monitor"} 0');
  });

  it('keeps answering, saying what it cannot read, when the broker and the database are away', async () => {
    const closed = await freePort();
    const port = await freePort();
    const self = `http://127.0.0.1:${port}`;
    const away = await startMonitorOn(port, {
      KAFKA_BROKERS: `127.0.0.1:${closed}`,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${closed}/rtw_absent`,
      MONITOR_SAMPLE_INTERVAL_MS: '300',
      MONITOR_SOURCE_TIMEOUT_MS: '1500',
      MONITOR_SCRAPE_TARGETS: `monitor=${self}`,
    });
    try {
      let overview = overviewOf(away);
      await waitUntil(
        // The first sample may come before the server listens: wait for one that reads itself.
        async () => (overview = overviewOf(away)).sources.metrics === 'ok',
        'a sample without broker and database',
        30_000,
      );
      expect(overview.sources).toEqual({
        kafka: 'unavailable',
        database: 'unavailable',
        metrics: 'ok',
      });
      expect(overview).toMatchObject({
        topics: [],
        consumerGroups: [],
        deadLetters: [],
        deadlines: [],
      });
      const ready = await fetch(`${self}/health/ready`);
      const body = (await ready.json()) as {
        details: Record<string, { status: string; reason?: string }>;
      };
      expect(ready.status).toBe(503);
      expect(body.details['job:monitor-sampling']?.status).toBe('up');
      expect(body.details['monitor-sources']).toEqual({
        status: 'degraded',
        reason: 'cannot read kafka, database',
      });
    } finally {
      await away.close();
    }
  });
});
