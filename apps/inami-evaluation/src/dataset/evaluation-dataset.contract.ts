import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { createAjv, locateSchemasDir } from '@rtw/contracts';
import { type BindingSchema, JsonXmlBinding, serializeXml, XsdSchema } from '@rtw/xml';
import { DatasetError } from './dataset.error';
import type { DatasetHeader, DatasetSummary, TrajectoryRecord } from './dataset.types';

/** Files of the contract under `schemas/partners/`. */
export const DATASET_SCHEMA_FILE = 'inami/evaluation-dataset.v1.schema.json';
export const DATASET_XSD_FILE = 'inami/evaluation-dataset.v1.xsd';
export const DATASET_NAMESPACE = 'urn:rtw:partner:inami:evaluation-dataset:v1';
export const DATASET_ROOT = 'evaluationDataset';

/** The element after which the summary starts in the XML form (schema order). */
const SUMMARY_START = '  <costSharingKey>';
/** A trajectory record is small; a whole summary too (four quarters of fixed cells, findings). */
const MAX_PART_BYTES = 16 * 1024 * 1024;

/**
 * The INAMI evaluation dataset contract, compiled once: the JSON Schema with the hub's strict Ajv
 * and the XSD with libxml2. Validates and writes the dataset in parts (the header and summary as
 * one envelope without trajectories, each trajectory on its own as the XSD's global `trajectory`
 * element), so a build never holds the whole year: a document whose envelope and every record are
 * valid is valid, because nothing in the contract relates one record to another.
 */
export class EvaluationDatasetContract {
  private constructor(
    private readonly validateDocument: ValidateFunction,
    private readonly validateTrajectory: ValidateFunction,
    private readonly xsd: XsdSchema,
    private readonly binding: JsonXmlBinding,
    private readonly recordBinding: JsonXmlBinding,
  ) {}

  /** Reads and compiles the contract; DATASET_CONTRACT_UNUSABLE when a file is missing or broken. */
  static async load(options: { schemasDir?: string } = {}): Promise<EvaluationDatasetContract> {
    const dir = path.join(locateSchemasDir(options), 'partners');
    try {
      const schema = JSON.parse(fs.readFileSync(path.join(dir, DATASET_SCHEMA_FILE), 'utf8')) as {
        $id: string;
        $defs: Record<string, BindingSchema>;
      };
      const ajv = createAjv();
      const validateDocument = ajv.compile(schema);
      const validateTrajectory = ajv.getSchema(`${schema.$id}#/$defs/trajectory`);
      if (!validateTrajectory) throw new Error('no trajectory definition');
      const xsd = await XsdSchema.compile({
        name: DATASET_XSD_FILE,
        xsd: fs.readFileSync(path.join(dir, DATASET_XSD_FILE)),
      });
      return new EvaluationDatasetContract(
        validateDocument,
        validateTrajectory,
        xsd,
        new JsonXmlBinding(schema as BindingSchema),
        new JsonXmlBinding({ $ref: '#/$defs/trajectory', $defs: schema.$defs }),
      );
    } catch (cause) {
      throw new DatasetError({
        code: 'DATASET_CONTRACT_UNUSABLE',
        message: `the INAMI dataset contract (${DATASET_SCHEMA_FILE}, ${DATASET_XSD_FILE}) cannot be used`,
        cause,
      });
    }
  }

  /** Releases the compiled XSD. */
  dispose(): void {
    this.xsd.dispose();
  }

  /** Both forms of a trajectory, validated once against the JSON Schema (the build's path). */
  trajectory(record: TrajectoryRecord): { xml: string; json: string } {
    this.check(this.validateTrajectory, record, '/trajectory');
    return { xml: this.trajectoryXmlChecked(record), json: JSON.stringify(record) };
  }

  /** The XML of a trajectory as a child of the root (indented, namespace inherited), validated. */
  trajectoryXml(record: TrajectoryRecord): string {
    this.check(this.validateTrajectory, record, '/trajectory');
    return this.trajectoryXmlChecked(record);
  }

  /** The XML of a record already checked against the JSON Schema, validated against the XSD. */
  private trajectoryXmlChecked(record: TrajectoryRecord): string {
    const standalone = serializeXml(this.recordBinding.toXml(record, 'trajectory'), {
      namespace: DATASET_NAMESPACE,
    });
    this.xsd.validate(standalone, { maxBytes: MAX_PART_BYTES });
    return indent(withoutDeclaration(standalone).replace(` xmlns="${DATASET_NAMESPACE}"`, ''));
  }

  /** The JSON of a trajectory, validated. */
  trajectoryJson(record: TrajectoryRecord): string {
    this.check(this.validateTrajectory, record, '/trajectory');
    return JSON.stringify(record);
  }

  /**
   * The XML envelope of a dataset, validated with its summary: `head` is everything before the
   * first trajectory, `tail` everything after the last one.
   */
  envelopeXml(header: DatasetHeader, summary: DatasetSummary): { head: string; tail: string } {
    const document = this.envelope(header, summary);
    const xml = serializeXml(this.binding.toXml(document, DATASET_ROOT), {
      namespace: DATASET_NAMESPACE,
    });
    this.xsd.validate(xml, { maxBytes: MAX_PART_BYTES });
    const at = xml.indexOf(`\n${SUMMARY_START}`);
    return { head: xml.slice(0, at + 1), tail: xml.slice(at + 1) };
  }

  /** The JSON envelope of a dataset, validated: `head` opens the trajectory array, `tail` closes it. */
  envelopeJson(header: DatasetHeader, summary: DatasetSummary): { head: string; tail: string } {
    this.envelope(header, summary);
    const head = JSON.stringify(header);
    return {
      head: `${head.slice(0, -1)},"trajectory":[\n`,
      tail: `],${JSON.stringify(summary).slice(1)}\n`,
    };
  }

  private envelope(header: DatasetHeader, summary: DatasetSummary) {
    const document = { ...header, ...summary };
    this.check(this.validateDocument, document, '');
    return document;
  }

  private check(validate: ValidateFunction, value: unknown, prefix: string): void {
    if (validate(value)) return;
    const error = validate.errors?.[0];
    // The path and the rule only: the value may be data.
    throw new DatasetError({
      code: 'DATASET_INVALID',
      message: `the dataset breaks its contract at ${prefix}${error?.instancePath ?? ''} (${error?.keyword ?? 'unknown'})`,
    });
  }
}

function withoutDeclaration(xml: string): string {
  return xml.slice(xml.indexOf('\n') + 1);
}

function indent(xml: string): string {
  return (
    xml
      .trimEnd()
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n') + '\n'
  );
}
