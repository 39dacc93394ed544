import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import { createAjv, locateSchemasDir } from '@rtw/contracts';
import type { Clock } from '@rtw/platform';
import {
  createFreshDatabase,
  createTestDataSource,
  dropDatabase,
  REGIONAL_RESIDENCES,
  routeASalariedWithCpmt,
  routeBToRegionalService,
  type ScriptedTrajectory,
} from '@rtw/testing';
import { XsdSchema } from '@rtw/xml';
import { DatasetBuilder } from './dataset.builder';
import type { EvaluationDataset } from './dataset.types';
import {
  DATASET_SCHEMA_FILE,
  DATASET_XSD_FILE,
  EvaluationDatasetContract,
} from './evaluation-dataset.contract';

const SECRET = 'development-only-inami-pseudonym-secret-for-tests';
const partners = join(locateSchemasDir(), 'partners');
/** Builds happen in January of the following year. */
const clock: Clock = { now: () => new Date('2027-01-15T08:00:00.000Z') };

/** Appends a trajectory's events to the event store the way the tracker does (ADR 0029). */
async function store(
  dataSource: DataSource,
  trajectory: ScriptedTrajectory,
  options: { skipOpening?: boolean } = {},
): Promise<void> {
  const events = options.skipOpening ? trajectory.events.slice(1) : trajectory.events;
  for (const [index, event] of events.entries()) {
    await dataSource.query(
      `INSERT INTO "dossier_events" ("dossier_id", "version", "event_source", "event_id", "type",
         "dataschema", "insurer", "occurred_at", "recorded_at", "correlation_id", "data")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10)`,
      [
        trajectory.dossierId,
        index + 1,
        event['source'],
        randomUUID(),
        event['type'],
        event['dataschema'] ?? null,
        trajectory.insurer,
        event['time'],
        event['correlationid'] ?? null,
        event['data'],
      ],
    );
  }
}

/** A legal deadline row as the tracker keeps it. */
async function deadline(
  dataSource: DataSource,
  trajectory: ScriptedTrajectory,
  row: { rule: string; status: 'met' | 'missed' | 'open' },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO "dossier_deadlines" ("dossier_id", "insurer", "rule_id", "started_by", "starts_on",
       "due_on", "status") VALUES ($1, $2, $3, 'test', '2026-03-23', '2026-04-06', $4)`,
    [trajectory.dossierId, trajectory.insurer, row.rule, row.status],
  );
}

describe('building the INAMI evaluation dataset from the event store', () => {
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let contract: EvaluationDatasetContract;
  let xsd: XsdSchema;
  let dir: string;
  const trajectories: ScriptedTrajectory[] = [];

  beforeAll(async () => {
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    contract = await EvaluationDatasetContract.load();
    xsd = await XsdSchema.compile({
      name: DATASET_XSD_FILE,
      xsd: readFileSync(join(partners, DATASET_XSD_FILE)),
    });
    dir = mkdtempSync(join(tmpdir(), 'rtw-inami-'));
    // Insurer 100, incapacities starting on 2026-01-12: six route A with the CPMT, three route B
    // to Le Forem, one route A whose opening is missing; insurer 200: one route A (not its data).
    for (let i = 0; i < 6; i++) {
      trajectories.push(routeASalariedWithCpmt({ insurer: '100', incapacityStart: '2026-01-12' }));
    }
    for (let i = 0; i < 3; i++) {
      trajectories.push(
        routeBToRegionalService(REGIONAL_RESIDENCES.forem, {
          insurer: '100',
          incapacityStart: '2026-01-12',
        }),
      );
    }
    for (const trajectory of trajectories) await store(dataSource, trajectory);
    const withoutOpening = routeASalariedWithCpmt({
      insurer: '100',
      incapacityStart: '2026-01-12',
    });
    await store(dataSource, withoutOpening, { skipOpening: true });
    trajectories.push(withoutOpening);
    const otherInsurer = routeASalariedWithCpmt({ insurer: '200', incapacityStart: '2026-01-12' });
    await store(dataSource, otherInsurer);
    await deadline(dataSource, trajectories[0]!, { rule: 'questionnaire-send', status: 'met' });
    await deadline(dataSource, trajectories[0]!, {
      rule: 'questionnaire-return',
      status: 'missed',
    });
  });

  afterAll(async () => {
    contract?.dispose();
    xsd?.dispose();
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function build(request: { insurer: string; year: number }, pageSize = 500) {
    const builder = new DatasetBuilder({
      dataSource,
      contract,
      pseudonymSecret: SECRET,
      pageSize,
      clock,
    });
    const name = `${request.insurer}-${request.year}-${pageSize}`;
    const xmlFile = join(dir, `${name}.xml`);
    const jsonFile = join(dir, `${name}.json`);
    const sinks = { xml: createWriteStream(xmlFile), json: createWriteStream(jsonFile) };
    const result = await builder.build(request, sinks);
    sinks.xml.end();
    sinks.json.end();
    await Promise.all([finished(sinks.xml), finished(sinks.json)]);
    const xml = readFileSync(xmlFile);
    const json = readFileSync(jsonFile, 'utf8');
    return { result, xml, json, dataset: JSON.parse(json) as EvaluationDataset };
  }

  function expectValid(xml: Buffer, dataset: EvaluationDataset): void {
    expect(() => xsd.validate(xml, { maxBytes: 64 * 1024 * 1024 })).not.toThrow();
    const schema = JSON.parse(readFileSync(join(partners, DATASET_SCHEMA_FILE), 'utf8')) as object;
    const ajv = createAjv();
    expect(ajv.validate(schema, dataset) ? [] : ajv.errors).toEqual([]);
  }

  it("writes one insurer's year as valid XML and JSON: one record per trajectory, the cost-sharing key and the barometer, small cells suppressed", async () => {
    const { result, xml, dataset } = await build({ insurer: '100', year: 2026 });
    expectValid(xml, dataset);
    expect(result).toEqual({ dossiersRead: 10, trajectoriesCounted: 10, findings: 1 });
    expect(dataset).toMatchObject({ insurer: '100', year: 2026, smallCellThreshold: 5 });
    expect(dataset.trajectory).toHaveLength(10);
    expect(new Set(dataset.trajectory!.map((record) => record.pseudonym)).size).toBe(10);
    // Complete questionnaires received on day 80 (2026-04-02) by all ten; declarations signed on
    // day 125 (2026-05-17) by the seven on route A.
    expect(dataset.costSharingKey.quarter.map((q) => q.completedQuestionnairesReceived)).toEqual([
      { count: 0, suppressed: false },
      { count: 10, suppressed: false },
      { count: 0, suppressed: false },
      { count: 0, suppressed: false },
    ]);
    expect(dataset.costSharingKey.quarter[1]!.positiveEngagementDeclarationsSigned).toEqual({
      count: 7,
      suppressed: false,
    });
    // Three referrals to Le Forem and three registrations: a small cell, suppressed.
    const forem = dataset.barometer.quarter[1]!.regionalService.find((s) => s.service === 'forem');
    expect(forem).toEqual({
      service: 'forem',
      referrals: { suppressed: true },
      registrations: { suppressed: true },
    });
    expect(dataset.barometer.quarter[1]!.categorisation.category4).toEqual({
      count: 7,
      suppressed: false,
    });
    expect(xml.toString()).toContain('<suppressed>true</suppressed>');
  });

  it('says of each legal deadline whether it was met or missed', async () => {
    const { dataset } = await build({ insurer: '100', year: 2026 });
    const withDeadlines = dataset.trajectory!.filter((record) => record.deadline);
    expect(withDeadlines.map((record) => record.deadline)).toEqual([
      [
        { rule: 'questionnaire-send', status: 'met' },
        { rule: 'questionnaire-return', status: 'missed' },
      ],
    ]);
  });

  it('counts the trajectory whose opening is missing and lists it in the reconciliation part', async () => {
    const { dataset } = await build({ insurer: '100', year: 2026 });
    const finding = dataset.reconciliation.finding ?? [];
    expect(finding.map((entry) => entry.code)).toEqual(['OPENING_MISSING']);
    const unknown = dataset.trajectory!.find(
      (record) => record.pseudonym === finding[0]!.pseudonym,
    );
    expect(unknown).toMatchObject({ ageBand: 'unknown', sex: 'unknown', region: 'unknown' });
    expect(dataset.reconciliation.trajectoriesCounted).toBe(10);
  });

  it('reads the year page by page: two dossiers a page give the same dataset as one page', async () => {
    const onePage = await build({ insurer: '100', year: 2026 });
    const smallPages = await build({ insurer: '100', year: 2026 }, 2);
    expect(smallPages.dataset).toEqual(onePage.dataset);
  });

  it('writes an empty but valid dataset for a year without trajectories and for an insurer without dossiers', async () => {
    for (const request of [
      { insurer: '100', year: 2024 },
      { insurer: '500', year: 2026 },
    ]) {
      const { result, xml, dataset } = await build(request);
      expectValid(xml, dataset);
      expect(result.trajectoriesCounted).toBe(0);
      expect(dataset.trajectory).toEqual([]);
      expect(dataset.barometer.quarter).toHaveLength(4);
    }
  });

  it('carries no NISS, name, birth date, postal code or dossier id of the generated trajectories', async () => {
    const { xml, json } = await build({ insurer: '100', year: 2026 });
    const outputs = [xml.toString(), json];
    const forbidden = new Set<string>();
    for (const trajectory of trajectories) {
      forbidden.add(trajectory.niss).add(trajectory.dossierId);
      for (const event of trajectory.events) {
        const insured = (event['data'] as { insured?: Record<string, unknown> }).insured;
        if (!insured) continue;
        for (const key of ['niss', 'lastName', 'firstName', 'birthDate']) {
          forbidden.add(String(insured[key]));
        }
        const residence = insured['residence'] as Record<string, unknown>;
        forbidden.add(String(residence['postalCode']));
        if (residence['nisCode']) forbidden.add(String(residence['nisCode']));
      }
    }
    // Whole tokens only: a pseudonym is hex and may hold four digits in a row by chance.
    const found = [...forbidden].filter((value) =>
      outputs.some((output) =>
        new RegExp(
          `(?<![0-9A-Za-z])${value.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![0-9A-Za-z])`,
        ).test(output),
      ),
    );
    expect(forbidden.size).toBeGreaterThan(20);
    expect(found).toEqual([]);
  });
});
