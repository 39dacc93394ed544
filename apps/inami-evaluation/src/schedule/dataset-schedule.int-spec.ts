import type { DataSource } from 'typeorm';
import { ContractRegistry } from '@rtw/contracts';
import { fromKafkaMessage, type CloudEvent } from '@rtw/messaging';
import { OutboxWriter } from '@rtw/persistence';
import { createLogger, type Clock } from '@rtw/platform';
import {
  createFreshDatabase,
  createTestDataSource,
  dropDatabase,
  routeASalariedWithCpmt,
} from '@rtw/testing';
import { EvaluationDatasetContract } from '../dataset/evaluation-dataset.contract';
import { storeTrajectory, testVersionsService } from '../testing/event-store.helper';
import { datasetSubjectId } from './dataset-reminder.message';
import { DatasetScheduleRepository } from './dataset-schedule.repository';
import { DatasetScheduleService } from './dataset-schedule.service';
import { ScheduleError } from './schedule.error';

const actor = { organisation: 'urn:rtw:org:insurer:200', subject: 'operator-2' };
const weekly = { startDay: 2, everyDays: 7 };

describe('the yearly INAMI schedule', () => {
  let database: { name: string; url: string };
  let dataSources: DataSource[];
  let contract: EvaluationDatasetContract;
  let now: Date;
  const clock: Clock = { now: () => now };
  let builds: string[];
  let parts: ReturnType<typeof testVersionsService>;

  /** One instance of the app's schedule, on its own connection pool like another process. */
  function instance(dataSource: DataSource, build = parts.service.build.bind(parts.service)) {
    return new DatasetScheduleService({
      dataSource,
      schedule: new DatasetScheduleRepository(dataSource),
      versions: parts.versions,
      builds: {
        build: async (key) => {
          builds.push(`${key.insurer}/${key.year}`);
          return build(key);
        },
      },
      contracts: ContractRegistry.load(),
      outbox: new OutboxWriter({ notifyRelays: false }),
      clock,
      settings: weekly,
      logger: createLogger({ app: 'inami-evaluation', level: 'silent' }),
      insurers: ['200', '300'],
    });
  }

  async function reminders(): Promise<Array<{ topic: string; key: string; event: CloudEvent }>> {
    const rows = (await dataSources[0]!.query(
      `SELECT "topic", "message_key", "headers", "payload" FROM "outbox" ORDER BY "seq"`,
    )) as Array<{
      topic: string;
      message_key: string;
      headers: Record<string, string>;
      payload: Buffer;
    }>;
    return rows
      .map((row) => ({
        topic: row.topic,
        key: row.message_key,
        event: fromKafkaMessage({ key: row.message_key, value: row.payload, headers: row.headers }),
      }))
      .filter((row) => row.event.type === 'be.rtw.inami-dataset.due');
  }
  const numbersOf = async (insurer: string) =>
    (await reminders())
      .filter((row) => row.event.insurer === insurer)
      .map((row) => (row.event.data as { reminder: number }).reminder);

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSources = [
      await createTestDataSource({ url: database.url }),
      await createTestDataSource({ url: database.url }),
    ];
    contract = await EvaluationDatasetContract.load();
    parts = testVersionsService({ dataSource: dataSources[0]!, contract, clock });
    await storeTrajectory(
      dataSources[0]!,
      routeASalariedWithCpmt({ insurer: '200', incapacityStart: '2026-05-04' }),
    );
  });
  beforeEach(() => (builds = []));

  afterAll(async () => {
    contract?.dispose();
    for (const dataSource of dataSources ?? []) await dataSource.destroy();
    if (database) await dropDatabase(database.name);
  });

  it('does nothing before the start day of January (Belgian dates)', async () => {
    for (const instant of ['2027-01-01T08:00:00Z', '2027-01-01T22:30:00Z']) {
      now = new Date(instant);
      expect(await instance(dataSources[0]!).check()).toMatchObject({ skipped: 'not-due' });
    }
    expect(builds).toEqual([]);
    expect(await reminders()).toEqual([]);
  });

  it('builds the draft once on the start day and sends the first reminder to each insurer', async () => {
    now = new Date('2027-01-01T23:30:00Z'); // 2 January in Brussels
    expect(await instance(dataSources[0]!).check()).toEqual({
      year: 2026,
      period: 1,
      drafts: ['200', '300'],
      reminded: ['200', '300'],
    });
    now = new Date('2027-01-05T09:00:00Z');
    expect(await instance(dataSources[1]!).check()).toMatchObject({ drafts: [], reminded: [] });
    expect(builds).toEqual(['200/2026', '300/2026']);

    const sent = await reminders();
    expect(sent).toHaveLength(2);
    const first = sent.find((row) => row.event.insurer === '200')!;
    expect(first).toMatchObject({
      topic: 'rtw.notify.200.v1',
      key: datasetSubjectId({ insurer: '200', year: 2026 }),
      event: {
        id: 'inami-dataset-due-200-2026-r1',
        source: 'urn:rtw:org:hub',
        subject: datasetSubjectId({ insurer: '200', year: 2026 }),
        dataschema: 'urn:rtw:schema:be.rtw.inami-dataset.due:v1',
        data: {
          year: 2026,
          reminder: 1,
          remindedOn: '2027-01-02',
          state: 'not-frozen',
          draft: { builtAt: '2027-01-01T23:30:00.000Z', trajectoriesCounted: 1, findings: 0 },
        },
      },
    });
    expect(ContractRegistry.load().validateEvent(first.event)).toMatchObject({ ok: true });
  });

  it('reminds once per period even when several instances check at the same time', async () => {
    now = new Date('2027-01-09T08:00:00Z'); // period 2
    const checks = await Promise.all(
      dataSources.flatMap((ds) => [instance(ds), instance(ds)]).map((s) => s.check()),
    );
    expect(checks.flatMap((check) => check.reminded).sort()).toEqual(['200', '300']);
    // The claim holds without the lock too: a stale instance cannot send period 2 again.
    const [claimed] = await dataSources[1]!.transaction(async (manager) => [
      await new DatasetScheduleRepository(dataSources[1]!).claimReminder(
        manager,
        { insurer: '200', year: 2026 },
        { reminder: 2, now },
      ),
    ]);
    expect(claimed).toBe(false);
    expect(await numbersOf('200')).toEqual([1, 2]);
    expect(await numbersOf('300')).toEqual([1, 2]);
    expect(builds).toEqual([]);
  });

  it('says why the dataset is due, is silent while INAMI decides, and stops once INAMI acknowledges', async () => {
    now = new Date('2027-01-16T08:00:00Z'); // period 3
    const v1 = await parts.service.freeze({ insurer: '200', year: 2026, actor });
    await instance(dataSources[0]!).check();
    const dataOf = async (insurer: string) =>
      (await reminders()).filter((row) => row.event.insurer === insurer).at(-1)!.event.data;
    expect(await dataOf('200')).toMatchObject({
      reminder: 3,
      state: 'not-submitted',
      newestVersion: 1,
    });

    const submitted = await parts.submissions.submit({ insurer: '200', year: 2026, actor });
    expect(submitted.id).toBe(v1.id);
    now = new Date('2027-01-23T08:00:00Z'); // period 4: waiting for INAMI, no reminder
    expect(await instance(dataSources[0]!).check()).toMatchObject({ reminded: ['300'] });

    await parts.submissions.record(submitted.messageId!, {
      outcome: 'refused',
      reasons: [{ code: 'QUARTER_TOTALS_INCONSISTENT', text: 'Q2 received exceeds sent' }],
    });
    expect(await instance(dataSources[0]!).check()).toMatchObject({ reminded: ['200'] });
    expect(await dataOf('200')).toMatchObject({
      reminder: 4,
      state: 'refused',
      newestVersion: 1,
      refusalCodes: ['QUARTER_TOTALS_INCONSISTENT'],
    });

    await parts.service.freeze({ insurer: '200', year: 2026, actor, reason: 'Q2 corrected' });
    const v2 = await parts.submissions.submit({ insurer: '200', year: 2026, actor });
    await parts.submissions.record(v2.messageId!, { outcome: 'acknowledged' });
    for (const instant of [
      '2027-01-30T08:00:00Z',
      '2027-03-01T08:00:00Z',
      '2027-12-31T08:00:00Z',
    ]) {
      now = new Date(instant);
      expect((await instance(dataSources[0]!).check()).reminded).toEqual(['300']);
    }
    expect(await numbersOf('200')).toEqual([1, 2, 3, 4]);
    expect(await numbersOf('300')).toEqual([1, 2, 3, 4, 5, 9, 52]);
  });

  it('retries a failed draft at the next check without holding the reminder back', async () => {
    now = new Date('2028-01-03T08:00:00Z'); // the 2027 dataset, period 1
    const failing = instance(dataSources[0]!, async () => {
      throw new Error('the event store is away');
    });
    const refusal = await failing.check().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ScheduleError);
    expect(refusal).toMatchObject({
      code: 'SCHEDULE_INSURER_FAILED',
      retriable: true,
      details: {
        failed: [
          { insurer: '200', step: 'draft', code: 'INTERNAL_ERROR' },
          { insurer: '300', step: 'draft', code: 'INTERNAL_ERROR' },
        ],
      },
    });
    expect(
      (await reminders()).filter((row) => (row.event.data as { year: number }).year === 2027),
    ).toHaveLength(2);
    expect(await instance(dataSources[0]!).check()).toMatchObject({
      year: 2027,
      drafts: ['200', '300'],
      reminded: [],
    });
  });
});
