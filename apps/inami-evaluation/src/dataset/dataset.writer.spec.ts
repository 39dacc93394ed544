import { Writable } from 'node:stream';
import { createAjv, locateSchemasDir } from '@rtw/contracts';
import { XmlError, XsdSchema, serializeXml, JsonXmlBinding, type BindingSchema } from '@rtw/xml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetError } from './dataset.error';
import { DatasetTally } from './dataset.tally';
import type { DatasetHeader, TrajectoryRecord } from './dataset.types';
import { DatasetWriter } from './dataset.writer';
import {
  DATASET_NAMESPACE,
  DATASET_SCHEMA_FILE,
  DATASET_XSD_FILE,
  EvaluationDatasetContract,
} from './evaluation-dataset.contract';

const partners = join(locateSchemasDir(), 'partners');
const schema = JSON.parse(readFileSync(join(partners, DATASET_SCHEMA_FILE), 'utf8')) as object;

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const header: DatasetHeader = {
  insurer: '100',
  year: 2026,
  generatedAt: '2027-01-15T08:00:00.000Z',
  smallCellThreshold: 5,
};

function record(overrides: Partial<TrajectoryRecord> = {}): TrajectoryRecord {
  return {
    pseudonym: 'd'.repeat(64),
    ageBand: '35-44',
    sex: 'X',
    region: 'brussels',
    scheme: 'self-employed',
    contractType: 'no-employment-contract',
    category: 4,
    route: 'B',
    durations: { incapacityToQuestionnaireSent: 70, questionnaireSentToReceived: 10 },
    deadline: [
      { rule: 'questionnaire-send', status: 'met' },
      { rule: 'questionnaire-return', status: 'missed' },
    ],
    workResumption: 'partial',
    outcome: 'work-resumed',
    ...overrides,
  };
}

describe('writing a dataset as a stream', () => {
  let contract: EvaluationDatasetContract;
  let xsd: XsdSchema;

  beforeAll(async () => {
    contract = await EvaluationDatasetContract.load();
    xsd = await XsdSchema.compile({
      name: DATASET_XSD_FILE,
      xsd: readFileSync(join(partners, DATASET_XSD_FILE)),
    });
  });

  afterAll(() => {
    contract.dispose();
    xsd.dispose();
  });

  async function write(records: TrajectoryRecord[]) {
    const sinks = { xml: new Sink(), json: new Sink() };
    const writer = new DatasetWriter(contract, sinks, header);
    const tally = new DatasetTally();
    await writer.start();
    for (const item of records) await writer.trajectory(item);
    await writer.finish(tally.summary());
    return { xml: sinks.xml.text, json: sinks.json.text, summary: tally.summary() };
  }

  it('writes, piece by piece, exactly the XML and the JSON of the whole document, both valid', async () => {
    const records = [record(), record({ pseudonym: 'e'.repeat(64), outcome: 'open' })];
    const { xml, json, summary } = await write(records);
    const whole = { ...header, trajectory: records, ...summary };
    const binding = new JsonXmlBinding(schema as BindingSchema);
    expect(xml).toBe(
      serializeXml(binding.toXml(whole, 'evaluationDataset'), { namespace: DATASET_NAMESPACE }),
    );
    expect(JSON.parse(json)).toEqual(whole);
    expect(() => xsd.validate(xml)).not.toThrow();
    expect(createAjv().validate(schema, JSON.parse(json))).toBe(true);
  });

  it('writes an empty but valid dataset for a year without trajectories', async () => {
    const { xml, json } = await write([]);
    expect(xml).not.toContain('<trajectory>');
    expect(JSON.parse(json)).toMatchObject({
      trajectory: [],
      reconciliation: { trajectoriesCounted: 0 },
    });
    expect(() => xsd.validate(xml)).not.toThrow();
    expect(createAjv().validate(schema, JSON.parse(json))).toBe(true);
  });

  it('refuses a record that breaks the contract, naming the field but not its value', async () => {
    const sinks = { xml: new Sink(), json: new Sink() };
    const writer = new DatasetWriter(contract, sinks, header);
    await writer.start();
    const bad = record({ ageBand: '1979-04-18' as TrajectoryRecord['ageBand'] });
    const error = await writer.trajectory(bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatasetError);
    expect(error).toMatchObject({ code: 'DATASET_INVALID', retriable: false });
    expect((error as Error).message).toContain('/trajectory/ageBand');
    expect((error as Error).message).not.toContain('1979');
  });

  it('refuses a count next to a suppressed cell, in the XSD as in the JSON Schema', async () => {
    const { xml, json } = await write([]);
    const brokenXml = xml.replace(
      /<completedQuestionnairesReceived>\s*<count>0<\/count>\s*<suppressed>false<\/suppressed>/,
      '<completedQuestionnairesReceived><count>3</count><suppressed>true</suppressed>',
    );
    expect(brokenXml).not.toBe(xml);
    expect(() => xsd.validate(brokenXml)).toThrow(XmlError);
    const document = JSON.parse(json) as {
      costSharingKey: { quarter: Array<Record<string, unknown>> };
    };
    document.costSharingKey.quarter[0]!['completedQuestionnairesReceived'] = {
      count: 3,
      suppressed: true,
    };
    expect(createAjv().validate(schema, document)).toBe(false);
  });
});
