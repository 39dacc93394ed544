import type { DataSource } from 'typeorm';
import { fromKafkaMessage } from '@rtw/messaging';
import { InamiDatasetContract } from '@rtw/partners';
import type { Clock } from '@rtw/platform';
import {
  createFreshDatabase,
  createTestDataSource,
  dropDatabase,
  routeASalariedWithCpmt,
} from '@rtw/testing';
import { EvaluationDatasetContract } from '../dataset/evaluation-dataset.contract';
import { storeTrajectory, testVersionsService } from '../testing/event-store.helper';
import type { DatasetVersionsRepository } from '../versions/dataset-versions.repository';
import type { DatasetVersionsService } from '../versions/dataset-versions.service';
import { VersionError, type VersionErrorCode } from '../versions/version.error';
import type { DatasetSubmissionService } from './dataset-submission.service';

const clock: Clock = { now: () => new Date('2027-01-20T08:00:00.000Z') };
const actor = { organisation: 'urn:rtw:org:insurer:200', subject: 'operator-2' };

async function codeOf(promise: Promise<unknown>): Promise<VersionErrorCode | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof VersionError) return error.code;
    throw error;
  }
}

describe('submitting a frozen INAMI dataset version', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let contract: EvaluationDatasetContract;
  let versions: DatasetVersionsService;
  let submissions: DatasetSubmissionService;
  let repository: DatasetVersionsRepository;

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    contract = await EvaluationDatasetContract.load();
    ({
      service: versions,
      submissions,
      versions: repository,
    } = testVersionsService({ dataSource, contract, clock }));
    await storeTrajectory(
      dataSource,
      routeASalariedWithCpmt({ insurer: '200', incapacityStart: '2026-05-04' }),
    );
  });

  afterAll(async () => {
    contract?.dispose();
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  async function outboxRows() {
    const rows = (await dataSource.query(
      `SELECT "topic", "message_key", "headers", "payload" FROM "outbox" ORDER BY "seq"`,
    )) as Array<{
      topic: string;
      message_key: string;
      headers: Record<string, string>;
      payload: Buffer;
    }>;
    return rows.map((row) => ({
      topic: row.topic,
      key: row.message_key,
      event: fromKafkaMessage({
        key: row.message_key,
        value: row.payload,
        headers: row.headers,
      }),
    }));
  }

  it('refuses to submit before anything is frozen: a build is a dry run', async () => {
    await versions.build({ insurer: '200', year: 2026 });
    expect(await codeOf(submissions.submit({ insurer: '200', year: 2026, actor }))).toBe(
      'VERSION_NOT_FROZEN',
    );
    expect(await outboxRows()).toEqual([]);
  });

  it('hands the newest frozen version to delivery once, by reference, and records the answer on it', async () => {
    const frozen = await versions.freeze({ insurer: '200', year: 2026, actor });
    // What delivery will send is what INAMI's contract accepts.
    const inami = await InamiDatasetContract.load();
    try {
      for (const form of ['xml', 'json'] as const) {
        const chunks: Buffer[] = [];
        for await (const chunk of repository.file(frozen.id, form)) chunks.push(chunk);
        const body = Buffer.concat(chunks);
        const contentType = form === 'xml' ? 'application/xml' : 'application/json';
        expect(() => inami.check({ body, contentType })).not.toThrow();
      }
    } finally {
      inami.dispose();
    }
    const [first, second] = await Promise.all([
      codeOf(submissions.submit({ insurer: '200', year: 2026, actor })),
      codeOf(submissions.submit({ insurer: '200', year: 2026, version: 1, actor })),
    ]);
    expect([first, second].sort()).toEqual(['VERSION_ALREADY_SUBMITTED', 'resolved']);
    const shown = await versions.show({ insurer: '200', year: 2026, version: 1 });
    expect(shown).toMatchObject({
      status: 'submitted',
      messageId: `inami-200-2026-v1-${frozen.id.slice(0, 8)}`,
      submittedBy: 'urn:rtw:org:insurer:200/operator-2',
    });

    const rows = await outboxRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ topic: 'rtw.outbound.inami.v1', key: frozen.id });
    expect(rows[0]!.event).toMatchObject({
      id: `inami-200-2026-v1-${frozen.id.slice(0, 8)}`,
      type: 'be.rtw.partner-message.prepared',
      subject: frozen.id,
      insurer: '200',
      data: {
        partner: 'inami',
        organisation: { kind: 'inami', code: 'inami' },
        messageType: 'inami-dataset',
        contract: 'urn:rtw:partner:inami:evaluation-dataset:v1',
        contentType: 'application/xml',
        bodyRef: { store: 'inami-datasets', id: `${frozen.id}.xml` },
      },
    });

    expect(
      await submissions.record(`inami-200-2026-v1-${frozen.id.slice(0, 8)}`, {
        outcome: 'acknowledged',
      }),
    ).toBe(true);
    // A later, contradicting receipt changes nothing: the answer is recorded once.
    expect(
      await submissions.record(`inami-200-2026-v1-${frozen.id.slice(0, 8)}`, {
        outcome: 'refused',
        reasons: [{ code: 'LATE' }],
      }),
    ).toBe(false);
    expect(await versions.show({ insurer: '200', year: 2026, version: 1 })).toMatchObject({
      status: 'acknowledged',
      answer: { outcome: 'acknowledged' },
    });
    expect(await submissions.record('unknown-message', { outcome: 'acknowledged' })).toBe(false);
  });

  it('submits a corrected version with its reason, and refuses the superseded or unknown ones', async () => {
    const corrected = await versions.freeze({
      insurer: '200',
      year: 2026,
      actor,
      reason: 'late questionnaires of December',
    });
    expect(
      await codeOf(submissions.submit({ insurer: '200', year: 2026, version: 1, actor })),
    ).toBe('VERSION_ALREADY_SUBMITTED');
    expect(
      await codeOf(submissions.submit({ insurer: '200', year: 2026, version: 9, actor })),
    ).toBe('VERSION_NOT_FOUND');
    expect(await codeOf(submissions.submit({ insurer: '999', year: 2026, actor }))).toBe(
      'INSURER_UNKNOWN',
    );
    const diff = await versions.diff({ insurer: '200', year: 2026, from: 1, to: 2 });
    expect(diff.from.version).toBe(1);
    expect(diff.to.reason).toBe('late questionnaires of December');
    expect(diff.trajectories).toEqual({ added: [], removed: [], changed: [], unchanged: 1 });
    expect(await codeOf(versions.diff({ insurer: '200', year: 2026, from: 1, to: 3 }))).toBe(
      'VERSION_NOT_FOUND',
    );
    const submitted = await submissions.submit({ insurer: '200', year: 2026, actor });
    expect(submitted).toMatchObject({
      id: corrected.id,
      version: 2,
      reason: 'late questionnaires of December',
      status: 'submitted',
      messageId: `inami-200-2026-v2-${corrected.id.slice(0, 8)}`,
    });
  });
});
