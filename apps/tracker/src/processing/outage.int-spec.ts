import { toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import type { DataSource } from 'typeorm';
import {
  createTestDataSource,
  createTestTopics,
  createTestTrust,
  deleteTestTopics,
  produceTestMessages,
  routeASalariedWithCpmt,
  startTcpGate,
  testDatabaseUrl,
  uniqueGroupId,
  uniqueTopic,
  waitForReady,
  waitUntil,
  type TcpGate,
  type TestTrust,
} from '@rtw/testing';
import { startTracker, type RunningTracker } from '../testing/tracker.fixture';

const inbound = uniqueTopic('tracker-outage');

describe('the tracker when PostgreSQL goes away mid-stream', () => {
  let gate: TcpGate;
  let tracker: RunningTracker;
  let db: DataSource;
  let trust: TestTrust;

  beforeAll(async () => {
    trust = await createTestTrust({
      organisations: [{ kind: 'support', code: 'hub-support' }],
      audience: 'urn:rtw:hub:tracker',
    });
    await createTestTopics({ topic: inbound, partitions: 3 });
    db = await createTestDataSource();
    const url = new URL(testDatabaseUrl());
    gate = await startTcpGate(`${url.hostname}:${url.port || 5432}`, { open: true });
    url.hostname = '127.0.0.1';
    url.port = String(gate.port);
    tracker = await startTracker({
      DATABASE_URL: url.toString(),
      TRACKER_INBOUND_TOPIC: inbound,
      TRACKER_GROUP_ID: uniqueGroupId('tracker-outage'),
      TRACKER_ORGANISATIONS_FILE: trust.file,
    });
  });
  afterAll(async () => {
    await tracker?.close();
    await gate?.close();
    await db?.destroy();
    await deleteTestTopics([inbound, `${inbound}.dlq`]);
  });

  it('waits while the database is unreachable, reports not ready, then resumes without losing or doubling an event', async () => {
    const trajectories = Array.from({ length: 20 }, () => routeASalariedWithCpmt());
    const first = trajectories.slice(0, 10);
    const second = trajectories.slice(10);
    const publish = (list: typeof trajectories) =>
      produceTestMessages(
        inbound,
        list.flatMap((t) => t.events.map((e) => toKafkaMessage(e as unknown as CloudEvent))),
      );
    const stored = async (list: typeof trajectories) =>
      (
        await db.query(
          `SELECT count(*)::int AS "n" FROM "dossier_events" WHERE "dossier_id" = ANY($1::uuid[])`,
          [list.map((t) => t.dossierId)],
        )
      )[0].n as number;
    const expected = (list: typeof trajectories) =>
      list.reduce((sum, t) => sum + t.events.length, 0);

    await publish(first);
    gate.shut();
    await publish(second);
    await waitUntil(
      async () => (await fetch(`${tracker.url}/health/ready`)).status === 503,
      'the tracker to report not ready',
    );
    const ready = await (await fetch(`${tracker.url}/health/ready`)).json();
    expect(ready).toMatchObject({ details: { database: { status: 'down' } } });

    gate.open();
    await waitForReady(tracker.url);
    await waitUntil(
      async () => (await stored(trajectories)) === expected(trajectories),
      'every event stored',
      60_000,
    );
    const versions = await db.query(
      `SELECT "dossier_id", "version" FROM "dossiers" WHERE "dossier_id" = ANY($1::uuid[])`,
      [trajectories.map((t) => t.dossierId)],
    );
    expect(versions).toHaveLength(trajectories.length);
    for (const row of versions as Array<{ dossier_id: string; version: number }>) {
      const trajectory = trajectories.find((t) => t.dossierId === row.dossier_id)!;
      expect(row.version).toBe(trajectory.events.length);
    }
  });

  it('answers a timeline read with 503 DATABASE_UNAVAILABLE and Retry-After while the database is unreachable', async () => {
    const { dossierId } = routeASalariedWithCpmt();
    const token = await trust.sign('support:hub-support', {
      sub: 'agent-7',
      rtw_roles: ['viewer'],
    });

    gate.shut();
    try {
      const response = await fetch(`${tracker.url}/v1/dossiers/${dossierId}/timeline`, {
        headers: { authorization: `Bearer ${token}` },
      });

      expect([response.status, response.headers.get('retry-after')]).toEqual([503, '5']);
      expect(await response.json()).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        message: expect.any(String),
      });
    } finally {
      gate.open();
    }
    await waitForReady(tracker.url);
  });
});
