import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  TOPICS,
  fromKafkaMessage,
  notifyTopic,
  toKafkaMessage,
  type CloudEvent,
} from '@rtw/messaging';
import {
  createTestDataSource,
  createTestTopics,
  deleteTestTopics,
  exampleEvent,
  generateNiss,
  missedFirstContactWithReduction,
  produceTestMessages,
  routeASalariedWithCpmt,
  routeBSelfEmployedToActiris,
  uniqueGroupId,
  uniqueTopic,
  waitUntil,
  watchTopics,
  type JsonEvent,
  type TopicWatcher,
} from '@rtw/testing';
import { startTracker, type RunningTracker } from '../testing/tracker.fixture';

const inbound = uniqueTopic('tracker-inbound');

describe('the tracker on the real broker and database', () => {
  let tracker: RunningTracker;
  let db: DataSource;
  let watcher: TopicWatcher;

  beforeAll(async () => {
    await createTestTopics({ topic: inbound, partitions: 3 });
    db = await createTestDataSource();
    tracker = await startTracker({
      TRACKER_INBOUND_TOPIC: inbound,
      TRACKER_GROUP_ID: uniqueGroupId('tracker'),
    });
    // After the tracker: it creates the insurers' notification topics.
    watcher = await watchTopics([TOPICS.dossierEvents, notifyTopic('100'), notifyTopic('200')]);
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
  const version = async (dossierId: string): Promise<number> => {
    const [row] = await db.query(`SELECT "version" FROM "dossiers" WHERE "dossier_id" = $1`, [
      dossierId,
    ]);
    return (row?.version as number | undefined) ?? 0;
  };
  const projection = async (dossierId: string) =>
    (
      await db.query(
        `SELECT "insurer", "status", "scheme", "category", "route", "ami_case", "outcome",
                to_char("closed_on", 'YYYY-MM-DD') AS "closed_on"
         FROM "dossiers" WHERE "dossier_id" = $1`,
        [dossierId],
      )
    )[0];
  const deadlines = async (dossierId: string) =>
    Object.fromEntries(
      (
        (await db.query(
          `SELECT "rule_id", string_agg("status", ',' ORDER BY "id") AS "statuses"
           FROM "dossier_deadlines" WHERE "dossier_id" = $1 GROUP BY "rule_id"`,
          [dossierId],
        )) as Array<{ rule_id: string; statuses: string }>
      ).map((row) => [row.rule_id, row.statuses]),
    );
  const relations = (dossierId: string) =>
    db.query(
      `SELECT "partner_kind", "partner_code", "end_reason" FROM "dossier_relations"
       WHERE "dossier_id" = $1 ORDER BY "id"`,
      [dossierId],
    );
  const consents = (dossierId: string) =>
    db.query(
      `SELECT "scope", "status" FROM "dossier_consents" WHERE "dossier_id" = $1 ORDER BY "scope"`,
      [dossierId],
    );
  const ofDossier =
    (dossierId: string, topic: string) => (record: { key: Buffer | null; topic: string }) =>
      record.topic === topic && record.key?.toString() === dossierId;

  it('applies a whole route A trajectory of a salaried worker: events stored and published once, projection, registers and every clock settled', async () => {
    const trajectory = routeASalariedWithCpmt();
    const { dossierId, events } = trajectory;

    await publish(events);
    await waitUntil(async () => (await version(dossierId)) === events.length, 'all events applied');

    expect(await projection(dossierId)).toEqual({
      insurer: '100',
      status: 'closed',
      scheme: 'salaried',
      category: 4,
      route: 'A',
      ami_case: 3,
      outcome: 'work-resumed',
      closed_on:
        events.at(-1)!['data'] && (events.at(-1)!['data'] as { closedOn: string }).closedOn,
    });
    const stored = await db.query(
      `SELECT "event_id" FROM "dossier_events" WHERE "dossier_id" = $1 ORDER BY "version"`,
      [dossierId],
    );
    expect(stored.map((row: { event_id: string }) => row.event_id)).toEqual(
      events.map((e) => e['id']),
    );
    expect(await consents(dossierId)).toEqual([
      { scope: 'cpmt', status: 'given' },
      { scope: 'data-processing', status: 'given' },
    ]);
    expect(await relations(dossierId)).toEqual([
      { partner_kind: 'cpmt', partner_code: '0403170701', end_reason: 'trajectory-ended' },
    ]);
    expect(await deadlines(dossierId)).toEqual({
      'questionnaire-send': 'met',
      'questionnaire-return': 'met',
      'capacity-first-estimate': 'met',
      'contact-first-route-a': 'met',
      'ami-follow-up-interview': 'met',
      'plan-follow-up': 'met',
      'plan-follow-up-after-review': 'met,met',
    });
    const published = await watcher.waitFor(
      ofDossier(dossierId, TOPICS.dossierEvents),
      events.length,
    );
    const notified = await watcher.waitFor(ofDossier(dossierId, notifyTopic('100')), events.length);
    for (const records of [published, notified]) {
      const ids = records.map((record) => fromKafkaMessage(record).id);
      expect(ids).toEqual(events.map((event) => event['id']));
    }
  });

  it('applies route B of a self-employed person referred to Actiris and links the dossier to Actiris until the trajectory ends', async () => {
    const { dossierId, events } = routeBSelfEmployedToActiris();

    await publish(events);
    await waitUntil(async () => (await version(dossierId)) === events.length, 'all events applied');

    expect(await projection(dossierId)).toMatchObject({
      status: 'open',
      scheme: 'self-employed',
      route: 'B',
      outcome: 'work-resumed',
    });
    expect(await relations(dossierId)).toEqual([
      { partner_kind: 'regional', partner_code: 'actiris', end_reason: 'trajectory-ended' },
    ]);
    expect(await deadlines(dossierId)).toMatchObject({
      'regional-actiris-presentation': 'met',
      'contact-first-route-b': 'met',
    });
  });

  it('accepts a missed first contact and the allowance reduction it allows, leaving the first-contact clock open', async () => {
    const { dossierId, events } = missedFirstContactWithReduction();

    await publish(events);
    await waitUntil(async () => (await version(dossierId)) === events.length, 'all events applied');

    expect(await deadlines(dossierId)).toMatchObject({ 'contact-first-route-a': 'open' });
  });

  it('refuses an event out of order, tells the insurer why, and applies the same event once when it comes twice', async () => {
    const { dossierId, events } = missedFirstContactWithReduction();
    const [opened, ...rest] = events;
    const early = rest.at(-1)!; // the reduction, before the dossier even exists

    await publish([early]);
    const [rejection] = await watcher.waitFor(ofDossier(dossierId, notifyTopic('100')));
    const notice = fromKafkaMessage<Record<string, string>>(rejection!);
    expect([notice.type, notice.data['rejectedEventId'], notice.data['reasonCode']]).toEqual([
      'be.rtw.event.rejected',
      early['id'],
      'DOSSIER_NOT_OPEN',
    ]);

    await publish([opened!, opened!]);
    await publish([opened!]);
    await waitUntil(async () => (await version(dossierId)) === 1, 'the opening applied');
    const stored = await db.query(
      `SELECT count(*)::int AS "n" FROM "dossier_events" WHERE "dossier_id" = $1`,
      [dossierId],
    );
    expect(stored).toEqual([{ n: 1 }]);
    // The refused event, re-sent, is recognised too and not judged again.
    await publish([early]);
    await waitUntil(
      async () =>
        (await db.query(`SELECT 1 FROM "dossier_refusals" WHERE "event_id" = $1`, [early['id']]))
          .length === 1,
      'the refusal recorded',
    );
  });

  it("refuses an insurer's event about another insurer's dossier, telling that insurer", async () => {
    const { dossierId, events } = missedFirstContactWithReduction();
    await publish([events[0]!]);
    await waitUntil(async () => (await version(dossierId)) === 1, 'the opening applied');
    const intruder = exampleEvent('consent.given', {
      dossierId,
      insurer: '200',
      niss: generateNiss(),
    });

    await publish([intruder]);

    const [record] = await watcher.waitFor(ofDossier(dossierId, notifyTopic('200')));
    const notice = fromKafkaMessage<Record<string, string>>(record!);
    expect([notice.data['rejectedEventId'], notice.data['reasonCode']]).toEqual([
      intruder['id'],
      'INSURER_MISMATCH',
    ]);
    expect(await version(dossierId)).toBe(1);
  });

  it('refuses an event for a dossier nobody opened', async () => {
    const stray = exampleEvent('contact.held', {
      dossierId: randomUUID(),
      insurer: '100',
      niss: generateNiss(),
    });
    await publish([stray]);
    await waitUntil(
      async () =>
        (
          await db.query(`SELECT "reason_code" FROM "dossier_refusals" WHERE "event_id" = $1`, [
            stray['id'],
          ])
        ).length === 1,
      'the refusal recorded',
    );
  });
});
