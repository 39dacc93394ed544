import { LEGAL_CALENDAR } from '@rtw/domain';
import { TOPICS, fromKafkaMessage, toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import type { DataSource } from 'typeorm';
import {
  createTestDataSource,
  createTestTopics,
  cpmtDecisionBThenAmiCase4,
  deleteTestTopics,
  produceTestMessages,
  routeASalariedWithCpmt,
  routeBRefused,
  routeBSelfEmployedToActiris,
  selfEmployedWithPlan,
  uniqueGroupId,
  uniqueTopic,
  waitUntil,
  watchTopics,
  type JsonEvent,
  type ScriptOptions,
  type TopicWatcher,
} from '@rtw/testing';
import { startTracker, type RunningTracker } from '../testing/tracker.fixture';
import { RETENTION_RULE_ID } from './deadline.planner';

const DAY = 86_400_000;
const inbound = uniqueTopic('tracker-deadlines');

/** For each legal clock, the events of a lawful trajectory up to the one that starts it. */
const STARTERS: Record<string, (options: ScriptOptions) => JsonEvent[]> = {
  'questionnaire-send': (o) => routeASalariedWithCpmt(o).events.slice(0, 1),
  'questionnaire-return': (o) => routeASalariedWithCpmt(o).events.slice(0, 3),
  'capacity-first-estimate': (o) => routeASalariedWithCpmt(o).events.slice(0, 1),
  'contact-first-route-a': (o) => routeASalariedWithCpmt(o).events.slice(0, 6),
  'contact-first-route-b': (o) => routeBSelfEmployedToActiris(o).events.slice(0, 4),
  'contact-after-route-b-refusal': (o) => routeBRefused(o).events,
  'ami-follow-up-interview': (o) => selfEmployedWithPlan(o).events.slice(0, 9),
  'plan-follow-up': (o) => selfEmployedWithPlan(o).events,
  'plan-follow-up-after-review': (o) => routeASalariedWithCpmt(o).events.slice(0, 15),
  'regional-actiris-presentation': (o) => routeBSelfEmployedToActiris(o).events.slice(0, 10),
  'cpmt-reintegration-assessment': (o) => cpmtDecisionBThenAmiCase4(o).events.slice(0, 12),
  'plan-self-employed-presumption': (o) => selfEmployedWithPlan(o).events,
};

describe('the legal clocks of the tracker, moved by its controllable clock', () => {
  let tracker: RunningTracker;
  let db: DataSource;
  let watcher: TopicWatcher;
  // Trajectories start in the future of the real clock, so nothing is due until the test says.
  const start = new Date(Date.now() + 30 * DAY);
  const incapacityStart = start.toISOString().slice(0, 10);

  beforeAll(async () => {
    await createTestTopics({ topic: inbound, partitions: 3 });
    db = await createTestDataSource();
    tracker = await startTracker({
      TRACKER_INBOUND_TOPIC: inbound,
      TRACKER_GROUP_ID: uniqueGroupId('tracker-deadlines'),
      TRACKER_DEADLINE_SCAN_MS: '200',
      TRACKER_DEADLINE_LEAD_DAYS: '7',
    });
    watcher = await watchTopics([TOPICS.dossierEvents]);
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
  const applied = (dossierId: string, count: number) =>
    waitUntil(
      async () =>
        (
          await db.query(`SELECT 1 FROM "dossiers" WHERE "dossier_id" = $1 AND "version" = $2`, [
            dossierId,
            count,
          ])
        ).length === 1,
      `${count} events applied`,
    );
  const notices = (dossierId: string, type: string) =>
    watcher
      .records((record) => record.key?.toString() === dossierId)
      .map((record) => fromKafkaMessage<{ ruleId: string }>(record))
      .filter((event) => event.type === type);
  const statusOf = async (dossierId: string, ruleId: string) =>
    (
      await db.query(
        `SELECT "status" FROM "dossier_deadlines" WHERE "dossier_id" = $1 AND "rule_id" = $2`,
        [dossierId, ruleId],
      )
    ).map((row: { status: string }) => row.status);

  it('covers every clock of the legal calendar', () => {
    expect(Object.keys(STARTERS).sort()).toEqual(
      LEGAL_CALENDAR.map((rule) => rule.id)
        .filter((id) => id !== RETENTION_RULE_ID)
        .sort(),
    );
  });

  it('says "due soon" once within the lead time, "missed" once when the last day passed, and nothing for clocks that were met', async () => {
    const started = Object.entries(STARTERS).map(([ruleId, starter]) => {
      const events = starter({ incapacityStart });
      return { ruleId, dossierId: String(events[0]!['subject']), events };
    });
    const fulfilled = routeASalariedWithCpmt({ incapacityStart });
    for (const { events } of [...started, fulfilled]) await publish(events);
    for (const { dossierId, events } of [...started, fulfilled])
      await applied(dossierId, events.length);
    const [{ due_on: firstDue }] = await db.query(
      `SELECT to_char("due_on", 'YYYY-MM-DD') AS "due_on" FROM "dossier_deadlines"
       WHERE "dossier_id" = $1 AND "rule_id" = 'questionnaire-send'`,
      [started[0]!.dossierId],
    );

    // Five days before the questionnaire is due: within the 7-day lead time.
    tracker.clock.set(new Date(new Date(`${firstDue}T12:00:00Z`).getTime() - 5 * DAY));
    await waitUntil(
      () => notices(started[0]!.dossierId, 'be.rtw.deadline.due-soon').length > 0,
      'the due-soon notice',
    );
    // Far past every due date.
    tracker.clock.set(new Date(start.getTime() + 1500 * DAY));
    for (const { ruleId, dossierId } of started)
      await waitUntil(
        () =>
          notices(dossierId, 'be.rtw.deadline.missed').some(
            (event) => event.data.ruleId === ruleId,
          ),
        `the missed notice of ${ruleId}`,
      );
    // A few more scans: still one notice per deadline.
    const runs = async () => {
      const metrics = await (await fetch(`${tracker.url}/metrics`)).text();
      const line = metrics
        .split('\n')
        .find((l) => l.includes('job="job:deadlines"') && l.includes('result="success"'));
      return Number(line?.split(' ').at(-1) ?? 0);
    };
    const before = await runs();
    await waitUntil(async () => (await runs()) >= before + 3, 'three more scans');

    for (const { ruleId, dossierId } of started) {
      const missed = notices(dossierId, 'be.rtw.deadline.missed').filter(
        (event) => event.data.ruleId === ruleId,
      );
      expect([ruleId, missed.length, await statusOf(dossierId, ruleId)]).toEqual([
        ruleId,
        1,
        ['missed'],
      ]);
    }
    expect(
      notices(started[0]!.dossierId, 'be.rtw.deadline.due-soon').map((e) => e.data.ruleId),
    ).toEqual(['questionnaire-send']);
    expect(notices(fulfilled.dossierId, 'be.rtw.deadline.missed')).toEqual([]);
  });
});
