import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import { createAjv, locateSchemasDir } from '@rtw/contracts';
import { toKafkaMessage, type CloudEvent } from '@rtw/messaging';
import type { Clock } from '@rtw/platform';
import {
  createFreshDatabase,
  createTestDataSource,
  createTestTopics,
  deleteTestTopics,
  dropDatabase,
  produceTestMessages,
  routeASalariedWithCpmt,
  routeBSelfEmployedToActiris,
  uniqueGroupId,
  uniqueTopic,
  waitUntil,
  type ScriptedTrajectory,
} from '@rtw/testing';
import { XsdSchema } from '@rtw/xml';
import { startTracker, type RunningTracker } from '../../../tracker/src/testing/tracker.fixture';
import { DatasetBuilder } from './dataset.builder';
import type { EvaluationDataset } from './dataset.types';
import {
  DATASET_SCHEMA_FILE,
  DATASET_XSD_FILE,
  EvaluationDatasetContract,
} from './evaluation-dataset.contract';

const inbound = uniqueTopic('inami-dataset-inbound');
const partners = join(locateSchemasDir(), 'partners');
const clock: Clock = { now: () => new Date('2027-01-15T08:00:00.000Z') };

describe('the INAMI dataset of trajectories the tracker accepted', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let tracker: RunningTracker;
  let dir: string;
  const trajectories: ScriptedTrajectory[] = [];

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    await createTestTopics({ topic: inbound, partitions: 3 });
    tracker = await startTracker({
      DATABASE_URL: database.url,
      TRACKER_INBOUND_TOPIC: inbound,
      TRACKER_GROUP_ID: uniqueGroupId('inami-dataset'),
    });
    dir = mkdtempSync(join(tmpdir(), 'rtw-inami-tracker-'));
    // Five route A trajectories from 2025-09-01 (declarations and plans early 2026, partial
    // resumptions in October 2026) and one route B to Actiris from 2026-01-12.
    for (let i = 0; i < 5; i++) {
      trajectories.push(routeASalariedWithCpmt({ insurer: '100', incapacityStart: '2025-09-01' }));
    }
    trajectories.push(
      routeBSelfEmployedToActiris({ insurer: '100', incapacityStart: '2026-01-12' }),
    );
    // The first person falls ill again on 2026-12-01, seven weeks after resuming work: a new
    // dossier (its opening only; no action in 2026), the relapse of the first trajectory.
    const relapse = routeASalariedWithCpmt({
      insurer: '100',
      niss: trajectories[0]!.niss,
      incapacityStart: '2026-12-01',
    });
    const events = [...trajectories.flatMap((trajectory) => trajectory.events), relapse.events[0]!];
    await produceTestMessages(
      inbound,
      events.map((event) => toKafkaMessage(event as unknown as CloudEvent)),
    );
    const expected = events.length;
    await waitUntil(
      async () =>
        Number(
          (await dataSource.query(`SELECT count(*) AS "n" FROM "dossier_events"`))[0]?.n ?? 0,
        ) === expected,
      'every event accepted by the tracker',
      120_000,
    );
  });

  afterAll(async () => {
    await tracker?.close();
    await dataSource?.destroy();
    await deleteTestTopics([inbound, `${inbound}.dlq`]);
    if (database) await dropDatabase(database.name);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('counts them per quarter, with the legal deadlines the tracker kept, in valid XML and JSON without identifiers', async () => {
    const contract = await EvaluationDatasetContract.load();
    const xsd = await XsdSchema.compile({
      name: DATASET_XSD_FILE,
      xsd: readFileSync(join(partners, DATASET_XSD_FILE)),
    });
    try {
      const builder = new DatasetBuilder({
        dataSource,
        contract,
        pseudonymSecret: 'development-only-inami-pseudonym-secret-for-tests',
        pageSize: 4,
        clock,
      });
      const sinks = {
        xml: createWriteStream(join(dir, 'dataset.xml')),
        json: createWriteStream(join(dir, 'dataset.json')),
      };
      const result = await builder.build({ insurer: '100', year: 2026 }, sinks);
      sinks.xml.end();
      sinks.json.end();
      await Promise.all([finished(sinks.xml), finished(sinks.json)]);
      const xml = readFileSync(join(dir, 'dataset.xml'));
      const json = readFileSync(join(dir, 'dataset.json'), 'utf8');
      const dataset = JSON.parse(json) as EvaluationDataset;

      expect(() => xsd.validate(xml, { maxBytes: 64 * 1024 * 1024 })).not.toThrow();
      const schema = JSON.parse(
        readFileSync(join(partners, DATASET_SCHEMA_FILE), 'utf8'),
      ) as object;
      expect(createAjv().validate(schema, dataset)).toBe(true);
      expect(result).toEqual({ dossiersRead: 7, trajectoriesCounted: 6, findings: 0 });
      // Resumptions of October 2026, built on 2027-01-15: one relapse seen, four still open.
      const relapses = dataset.trajectory!.map((record) => record.relapseWithin12Months);
      expect(relapses.filter((relapse) => relapse === 'yes')).toHaveLength(1);
      expect(relapses.filter((relapse) => relapse === 'not-yet-observable')).toHaveLength(4);
      expect(relapses.filter((relapse) => relapse === 'no')).toHaveLength(0);

      const q1 = dataset.costSharingKey.quarter[0]!;
      expect(q1.positiveEngagementDeclarationsSigned).toEqual({ count: 5, suppressed: false });
      expect(dataset.barometer.quarter[0]!.plansDrafted).toEqual({ count: 5, suppressed: false });
      expect(dataset.barometer.quarter[3]!.partTimeResumptions).toEqual({
        count: 5,
        suppressed: false,
      });
      // The route B questionnaire (received 2026-04-02) is the only one of 2026: a small cell.
      expect(dataset.costSharingKey.quarter[1]!.completedQuestionnairesReceived).toEqual({
        suppressed: true,
      });
      const statuses = dataset.trajectory!.flatMap((record) =>
        (record.deadline ?? []).map((deadline) => deadline.status),
      );
      expect(statuses).toContain('met');

      const outputs = [xml.toString(), json];
      for (const trajectory of trajectories) {
        const insured = (trajectory.events[0]!['data'] as { insured: Record<string, unknown> })
          .insured;
        for (const value of [
          trajectory.niss,
          trajectory.dossierId,
          insured['lastName'],
          insured['firstName'],
          insured['birthDate'],
          (insured['residence'] as Record<string, unknown>)['postalCode'],
        ]) {
          const token = new RegExp(`(?<![0-9A-Za-z])${String(value)}(?![0-9A-Za-z])`);
          expect(outputs.filter((output) => token.test(output))).toEqual([]);
        }
      }
    } finally {
      contract.dispose();
      xsd.dispose();
    }
  });
});
