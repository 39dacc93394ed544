import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ContractRegistry } from '@rtw/contracts';
import { TOPICS, createCloudEvent, fromKafkaMessage, notifyTopic } from '@rtw/messaging';
import type { OffsetClock } from '@rtw/platform';
import { HUB_CLOCK } from '@rtw/runtime';
import {
  createFreshDatabase,
  createTestDataSource,
  createTestTrust,
  dropDatabase,
  publishEvents,
  readTopicToEnd,
  routeASalariedWithCpmt,
  startInProcessApp,
  uniqueGroupId,
  waitUntil,
  type TestTrust,
} from '@rtw/testing';
import { inamiCli } from '../cli/inami.cli';
import { inamiEvaluationApp } from '../inami-evaluation.app';
import { datasetSubjectId } from '../schedule/dataset-reminder.message';
import { SCHEDULE_COMPONENT } from '../schedule/dataset-schedule.job';
import { TEST_PSEUDONYM_SECRET, storeTrajectory } from '../testing/event-store.helper';
import { SUBMISSION_RECEIPTS_COMPONENT } from './receipts.consumer';

const SUPPORT = 'support:hub-support';
/** What the partner sandbox playing INAMI answers in its `refuse` mode (HTTP 422). */
const INAMI_REFUSAL = {
  code: 'REFUSED',
  message: 'the service refuses this message',
  reasons: [{ code: 'REFUSED_BY_SCRIPT', text: 'refused as the sandbox was told to' }],
};

// INAMI's verdict on a submitted version, through the app as it runs (real Kafka and PostgreSQL):
// delivery's receipt of a 422 arrives on the receipts topic, the reasons come from the attempt
// delivery recorded, the version shows them on the API, and the supervised schedule, its clock
// moved into January, tells the insurer on its topic that the dataset was refused. `rtw inami
// show` prints the same verdict.
describe("INAMI's verdict on a submitted dataset version", () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let trust: TestTrust;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    trust = await createTestTrust({
      organisations: [{ kind: 'support', code: 'hub-support' }],
      audience: 'urn:rtw:hub:inami-evaluation',
    });
    const running = await startInProcessApp(
      inamiEvaluationApp({ NODE_ENV: 'test' }),
      {
        DATABASE_URL: database.url,
        BACKGROUND_RETRY_MAX_MS: '1000',
        INAMI_PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
        INAMI_ORGANISATIONS_FILE: trust.file,
        INAMI_RECEIPTS_GROUP_ID: uniqueGroupId('inami-verdict-receipts'),
        INAMI_SCHEDULE_CHECK_MS: '1000',
      },
      { components: [SCHEDULE_COMPONENT, SUBMISSION_RECEIPTS_COMPONENT] },
    );
    app = running.app;
    url = running.url;
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  async function call(method: 'GET' | 'POST', path: string, roles: string[]) {
    const token = await trust.sign(SUPPORT, { sub: 'agent-7', rtw_roles: roles });
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** What delivery writes when INAMI answers 422: the message, its attempt, then the receipt. */
  async function inamiRefuses(version: { id: string; messageId: string }, failedAt: string) {
    await dataSource.query(
      `INSERT INTO "delivery_messages" ("id", "partner", "organisation_id", "dossier_id", "insurer",
         "message_type", "contract", "content_type", "causation_id", "event", "source_topic",
         "source_partition", "source_offset", "status", "attempts", "reason_code",
         "received_at", "updated_at", "failed_at")
       VALUES ($1, 'inami', 'inami:inami', $2::uuid, '200', 'inami-dataset',
         'urn:rtw:partner:inami:evaluation-dataset:v1', 'application/xml', $3, '{}',
         'rtw.outbound.inami.v1', 0, '0', 'dead-lettered', 1, 'PARTNER_REJECTED', $4, $4, $4)`,
      [version.messageId, version.id, version.id, failedAt],
    );
    await dataSource.query(
      `INSERT INTO "delivery_attempts" ("message_id", "attempt_no", "round", "organisation_id",
         "partner", "started_at", "latency_ms", "outcome", "http_status", "error_code", "request",
         "response_excerpt")
       VALUES ($1, 1, 0, 'inami:inami', 'inami', $2, 12, 'rejected', 422, 'PARTNER_REJECTED',
         '{}', $3)`,
      [version.messageId, failedAt, JSON.stringify(INAMI_REFUSAL)],
    );
    const receipt = createCloudEvent({
      source: 'urn:rtw:org:hub',
      type: 'be.rtw.delivery.failed',
      subject: version.id,
      time: failedAt,
      dataschema: 'urn:rtw:schema:be.rtw.delivery.failed:v2',
      insurer: '200',
      data: {
        partner: 'inami',
        organisation: { kind: 'inami', code: 'inami' },
        messageId: version.messageId,
        messageType: 'inami-dataset',
        attempts: 1,
        causationId: version.id,
        reasonCode: 'PARTNER_REJECTED',
        outcome: 'dead-lettered',
        httpStatus: 422,
        failedAt,
      },
    });
    expect(ContractRegistry.load().validateEvent(receipt)).toMatchObject({ ok: true });
    await publishEvents(TOPICS.deliveryReceipts, [receipt]);
  }

  it('records the refusal with INAMI’s reasons and when, shows it on the API, and reminds the insurer', async () => {
    const clock = app.get<OffsetClock>(HUB_CLOCK);
    clock.set(new Date('2027-01-20T08:00:00Z'));
    await storeTrajectory(
      dataSource,
      routeASalariedWithCpmt({ insurer: '200', incapacityStart: '2026-05-04' }),
    );
    const frozen = await call('POST', '/v1/datasets/200/2026/versions', ['operator']);
    expect(frozen.status).toBe(201);
    const submitted = await call('POST', '/v1/datasets/200/2026/versions/1/submission', [
      'operator',
    ]);
    expect([submitted.status, submitted.body['status']]).toEqual([202, 'submitted']);

    await inamiRefuses(
      { id: submitted.body['id'] as string, messageId: submitted.body['messageId'] as string },
      '2027-01-20T08:00:05.000Z',
    );
    let shown: Record<string, unknown> = {};
    await waitUntil(
      async () => {
        shown = (await call('GET', '/v1/datasets/200/2026/versions/1', ['viewer'])).body;
        return shown['status'] === 'refused';
      },
      'the refusal on version 1',
      30_000,
    );
    expect(shown).toMatchObject({
      status: 'refused',
      answeredAt: '2027-01-20T08:00:05.000Z',
      answer: {
        outcome: 'refused',
        reasons: [{ code: 'REFUSED_BY_SCRIPT', text: 'refused as the sandbox was told to' }],
      },
    });

    // The same on the command line, where an operator looks before correcting.
    const out: string[] = [];
    const cli = await inamiCli(['show', '--insurer', '200', '--year', '2026', '--version', '1'], {
      out: (line) => out.push(line),
      err: () => undefined,
      env: {
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        INAMI_PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
      },
      progress: false,
    });
    expect([cli, JSON.parse(out.join('\n'))]).toEqual([0, shown]);

    // The next reminder period: the schedule tells the insurer why the dataset is still due.
    clock.set(new Date('2027-01-27T08:00:00Z'));
    const subject = datasetSubjectId({ insurer: '200', year: 2026 });
    let reminder: Record<string, unknown> | undefined;
    await waitUntil(
      async () => {
        const records = await readTopicToEnd(notifyTopic('200'), [subject]);
        reminder = records
          .map((record) => fromKafkaMessage(record).data as Record<string, unknown>)
          .find((data) => data['reminder'] === 4);
        return reminder !== undefined;
      },
      'the fourth reminder on the insurer’s topic',
      30_000,
    );
    expect(reminder).toMatchObject({
      year: 2026,
      state: 'refused',
      newestVersion: 1,
      refusalCodes: ['REFUSED_BY_SCRIPT'],
      remindedOn: '2027-01-27',
    });
  });
});
