import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createTestDataSource,
  freePort,
  generateNiss,
  kafkaBrokers,
  testDatabaseUrl,
  waitUntil,
} from '@rtw/testing';
import { SESSION_COOKIE } from '../auth/session.cookies';
import { SessionSealer } from '../auth/session.sealer';
import { startMonitorOn } from '../overview/testing/monitor.fixture';

const SESSION_SECRET = 'test-only-subject-access-session-secret-0123';
const REASON = 'Request 2026-204 received by registered letter from the insured';

interface Person {
  subject: string;
  roles: string[];
  insurer?: string;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/** A monitor in this process, and a way to call it as a logged-in person (a sealed session). */
async function monitorWith(env: Record<string, string>) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await startMonitorOn(port, {
    MONITOR_PUBLIC_URL: url,
    MONITOR_SESSION_SECRET: SESSION_SECRET,
    MONITOR_SOURCE_TIMEOUT_MS: '1500',
    ...env,
  });
  const sealer = new SessionSealer(SESSION_SECRET, 'rtw-monitor-session');
  const call = async (
    person: Person,
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<Answer> => {
    const csrf = randomUUID();
    const session = await sealer.seal(
      { ...person, name: person.subject, insurer: person.insurer ?? null, csrf },
      600,
    );
    const response = await fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie: `${SESSION_COOKIE}=${session}`,
        'x-csrf-token': csrf,
        origin: url,
        'content-type': 'application/json',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text), headers: response.headers };
  };
  const ask = (person: Person, body: unknown) =>
    call(person, '/v1/subject-access', { method: 'POST', body });
  return { app, url, call, ask };
}

/** The monitor connects to PostgreSQL in the background: wait until its readiness says so. */
async function databaseUp(url: string): Promise<void> {
  await waitUntil(
    async () => {
      const ready = (await (await fetch(`${url}/health/ready`)).json()) as {
        details?: Record<string, { status: string }>;
      };
      return ready.details?.['database']?.status === 'up';
    },
    "the monitor's database connection",
    30_000,
  );
}

/** The NISS as a person types it on paper: 85.07.30-033.28. */
function written(niss: string): string {
  return `${niss.slice(0, 2)}.${niss.slice(2, 4)}.${niss.slice(4, 6)}-${niss.slice(6, 9)}.${niss.slice(9)}`;
}

describe('POST /v1/subject-access on the real database', () => {
  const niss = generateNiss();
  const dossierId = randomUUID();
  const privacy = { subject: `privacy-${randomUUID()}`, roles: ['viewer', 'privacy-officer'] };
  let database: DataSource;
  let monitor: Awaited<ReturnType<typeof monitorWith>>;

  beforeAll(async () => {
    database = await createTestDataSource();
    const referral = `ev-${randomUUID()}`;
    await database.query(
      `INSERT INTO "dossier_events" ("dossier_id", "version", "event_source", "event_id", "type",
         "insurer", "occurred_at", "recorded_at", "data")
       VALUES ($1, 1, 'urn:rtw:org:insurer:100', $2, 'be.rtw.dossier.opened', '100',
               '2026-11-02T09:00:00Z', now(), $3),
              ($1, 2, 'urn:rtw:org:insurer:100', $4, 'be.rtw.regional.referral.requested', '100',
               '2026-11-03T09:00:00Z', now(), '{}')`,
      [dossierId, `ev-${randomUUID()}`, JSON.stringify({ insured: { niss } }), referral],
    );
    await database.query(
      `INSERT INTO "delivery_messages" ("id", "partner", "organisation_id", "dossier_id",
         "insurer", "message_type", "contract", "content_type", "causation_id", "event",
         "source_topic", "source_partition", "source_offset", "status", "received_at",
         "updated_at", "delivered_at")
       VALUES ($1, 'actiris', 'regional:actiris', $2, '100', 'fia', 'urn:rtw:partner:actiris:fia:v1',
         'application/xml', $3, '{}', 'rtw.outbound.actiris.v1', 0, '1', 'delivered',
         '2026-11-03T09:00:01Z', '2026-11-03T09:00:02Z', '2026-11-03T09:00:02Z')`,
      [`msg-${randomUUID()}`, dossierId, referral],
    );
    monitor = await monitorWith({
      KAFKA_BROKERS: kafkaBrokers().join(','),
      DATABASE_URL: testDatabaseUrl(),
    });
    await databaseUp(monitor.url);
  });

  afterAll(async () => {
    await monitor?.app.close();
    await database.query(`DELETE FROM "delivery_messages" WHERE "dossier_id" = $1`, [dossierId]);
    await database.query(`DELETE FROM "dossier_events" WHERE "dossier_id" = $1`, [dossierId]);
    await database.destroy();
  });

  const auditsOf = (subject: string) =>
    database.query(
      `SELECT "actor_organisation", "outcome", "reason", "dossier_ids" FROM "subject_access_audit"
        WHERE "actor_subject" = $1 ORDER BY "id"`,
      [subject],
    );

  it('answers a privacy officer which organisation received which data, when and why, audited, never repeating the number', async () => {
    const answer = await monitor.ask(privacy, { niss: written(niss), reason: REASON });

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toMatchObject({
      dossiers: [{ dossierId, insurer: '100', openedAt: '2026-11-02T09:00:00.000Z' }],
      disclosures: [
        {
          dossierId,
          organisation: 'regional:actiris',
          messageType: 'fia',
          contract: 'urn:rtw:partner:actiris:fia:v1',
          cause: 'be.rtw.regional.referral.requested',
          status: 'delivered',
          deliveredAt: '2026-11-03T09:00:02.000Z',
        },
      ],
    });
    expect(JSON.stringify(answer.body)).not.toContain(niss);
    expect(await auditsOf(privacy.subject)).toEqual([
      {
        actor_organisation: 'support:hub-support',
        outcome: 'answered',
        reason: REASON,
        dossier_ids: [dossierId],
      },
    ]);
    // The console's audit list shows the request with who and why.
    const audit = await monitor.call(privacy, '/v1/audit');
    expect(audit.body['items']).toContainEqual(
      expect.objectContaining({
        action: 'subject-access',
        subject: privacy.subject,
        target: `dossiers:${dossierId}`,
        reason: REASON,
        detail: { outcome: 'answered' },
      }),
    );
  });

  it("gives an insurer's privacy officer only that insurer's dossiers", async () => {
    const other = { subject: `privacy-200-${randomUUID()}`, roles: ['privacy-officer'] };
    const answer = await monitor.ask({ ...other, insurer: '200' }, { niss, reason: REASON });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ dossiers: [], disclosures: [], accesses: [] });
    expect(await auditsOf(other.subject)).toEqual([
      { actor_organisation: 'insurer:200', outcome: 'answered', reason: REASON, dossier_ids: [] },
    ]);
  });

  it.each([['viewer'], ['operator']])(
    'refuses someone with only the %s role with 403 ROLE_REQUIRED, audited',
    async (role) => {
      const person = { subject: `${role}-${randomUUID()}`, roles: [role] };

      const answer = await monitor.ask(person, { niss, reason: REASON });

      expect([answer.status, answer.body['code']]).toEqual([403, 'ROLE_REQUIRED']);
      const denied = await database.query(
        `SELECT "action", "target", "detail" FROM "monitor_console_audit" WHERE "actor_subject" = $1`,
        [person.subject],
      );
      expect(denied).toEqual([
        {
          action: 'denied',
          target: '/v1/subject-access',
          detail: { method: 'POST', code: 'ROLE_REQUIRED' },
        },
      ]);
      expect(await auditsOf(person.subject)).toEqual([]);
    },
  );

  it.each([
    ['without a reason', { niss }, 'REASON_REQUIRED'],
    ['with a reason too short', { niss, reason: 'because' }, 'REASON_REQUIRED'],
    ['without a number', { reason: REASON }, 'NISS_INVALID'],
    ['with a number as a JSON number', { niss: Number(niss), reason: REASON }, 'NISS_INVALID'],
    ['with wrong check digits', { niss: `${niss.slice(0, 9)}00`, reason: REASON }, 'NISS_INVALID'],
    ['with a field it does not know', { niss, reason: REASON, name: 'x' }, 'INVALID_REQUEST'],
    ['whose body is a list', [niss, REASON], 'INVALID_REQUEST'],
  ])('answers a request %s with 400 and a reason code', async (_, body, code) => {
    const answer = await monitor.ask(privacy, body);

    expect([answer.status, answer.body['code']]).toEqual([400, code]);
    expect(JSON.stringify(answer.body)).not.toContain(niss.slice(0, 9));
  });

  it('keeps answering when Kafka is away: the report needs only PostgreSQL', async () => {
    const away = await monitorWith({
      KAFKA_BROKERS: `127.0.0.1:${await freePort()}`,
      DATABASE_URL: testDatabaseUrl(),
    });
    try {
      await databaseUp(away.url);
      const answer = await away.ask(privacy, { niss, reason: REASON });

      expect(answer.status).toBe(200);
      expect(answer.body['dossiers']).toEqual([expect.objectContaining({ dossierId })]);
    } finally {
      await away.app.close();
    }
  });

  it('says 503 DATABASE_UNAVAILABLE when PostgreSQL is away, and still refuses a viewer with 403', async () => {
    const closed = await freePort();
    const away = await monitorWith({
      KAFKA_BROKERS: kafkaBrokers().join(','),
      DATABASE_URL: `postgres://postgres@127.0.0.1:${closed}/rtw_absent`,
    });
    try {
      const answer = await away.ask(privacy, { niss, reason: REASON });
      const viewer = await away.ask({ subject: 'viewer-away', roles: ['viewer'] }, { niss });

      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({
        code: 'DATABASE_UNAVAILABLE',
        message: expect.any(String),
      });
      expect(JSON.stringify(answer.body)).not.toContain(niss);
      expect([viewer.status, viewer.body['code']]).toEqual([403, 'ROLE_REQUIRED']);
      // The process is still up and says what it cannot do.
      expect((await fetch(`${away.url}/health/live`)).status).toBe(200);
    } finally {
      await away.app.close();
    }
  });
});
