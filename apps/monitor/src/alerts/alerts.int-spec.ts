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
import { belgianDate } from '../overview/deadlines/database-figures.reader';
import { alertsOf, overviewOf, startMonitorOn } from '../overview/testing/monitor.fixture';

describe('the monitor alerts on a real broker and database', () => {
  const suffix = randomUUID().slice(0, 8);
  const topic = `test.alerts-${suffix}.events`;
  const dlq = `${topic}.dlq`;
  const group = uniqueGroupId('monitor-alerts');
  const insurer = `a${suffix}`;
  let database: DataSource;
  let monitor: INestApplication | undefined;

  beforeAll(async () => {
    database = await createTestDataSource();
    await createTestTopics(topic, dlq);
  });

  afterAll(async () => {
    await monitor?.close();
    await database.query(`DELETE FROM "dossier_deadlines" WHERE "insurer" = $1`, [insurer]);
    await database.destroy();
    await deleteTestGroups([group]);
    await deleteTestTopics();
  });

  it('raises lag, dead letters, missed deadlines and not-ready alerts from what really happened', async () => {
    const port = await freePort();
    const self = `http://127.0.0.1:${port}`;
    monitor = await startMonitorOn(port, {
      KAFKA_BROKERS: kafkaBrokers().join(','),
      DATABASE_URL: testDatabaseUrl(),
      MONITOR_TOPIC_PREFIX: `test.alerts-${suffix}.`,
      MONITOR_SAMPLE_INTERVAL_MS: '300',
      MONITOR_SCRAPE_TARGETS: `monitor=${self},tracker=http://127.0.0.1:${await freePort()}`,
      MONITOR_ALERT_LAG_MAX: '4',
      MONITOR_ALERT_NOT_READY_MS: '0',
    });
    await waitUntil(
      async () => {
        const { sources } = overviewOf(monitor!);
        return sources.kafka === 'ok' && sources.database === 'ok';
      },
      'a first sample of the broker and the database',
      30_000,
    );
    // Other tests leave missed deadlines of their insurers in the shared database: only this
    // test's own group, dead-letter topic and insurer must start without an alert.
    const before = alertsOf(monitor!);
    expect(before.alerts.filter((a) => [group, dlq, insurer].includes(a.subject))).toEqual([]);

    await produceTestMessages(
      topic,
      Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, value: '{}' })),
    );
    await produceTestMessages(dlq, [{ key: 'k0', value: '{}' }]);
    await waitUntil(
      () =>
        withAdmin((admin) =>
          admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '4' }] }),
        ).then(
          () => true,
          () => false,
        ),
      'the group offsets committed',
      30_000,
    );
    await database.query(
      `INSERT INTO "dossier_deadlines" ("dossier_id", "insurer", "rule_id", "started_by",
         "starts_on", "due_on", "status", "missed_at")
       VALUES ($1, $2, 'r-a', 'e', $3::date - 9, $3::date - 1, 'missed', now())`,
      [randomUUID(), insurer, belgianDate(new Date())],
    );

    let answer = before;
    const ruleOf = (subject: string) => answer.alerts.find((a) => a.subject === subject)?.rule;
    await waitUntil(
      async () => {
        answer = alertsOf(monitor!);
        return !!ruleOf(group) && !!ruleOf(dlq) && !!ruleOf(insurer);
      },
      'the alerts of the new lag, dead letter and missed deadline',
      30_000,
    );
    const mine = answer.alerts.filter((a) =>
      [group, dlq, insurer, 'tracker', 'monitor'].includes(a.subject),
    );
    expect(mine).toEqual([
      expect.objectContaining({ rule: 'MissedDeadlinesRising', subject: insurer, value: 1 }),
      expect.objectContaining({
        rule: 'AppNotReady',
        subject: 'tracker',
        summary: 'tracker does not answer',
      }),
      expect.objectContaining({ rule: 'ConsumerLagHigh', subject: group, value: 5, threshold: 4 }),
      expect.objectContaining({ rule: 'DeadLettersGrowing', subject: dlq, value: 1 }),
    ]);
  });
});
