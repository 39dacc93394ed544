import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { DatasetTally } from './dataset.tally';
import type { DatasetHeader, DatasetSummary, TrajectoryRecord } from './dataset.types';
import type { EvaluationDatasetContract } from './evaluation-dataset.contract';

/**
 * Where a dataset is written: the XML and the JSON form, side by side; optionally its
 * reconciliation report (JSON lines, kept by the insurer) and its HTML report for review.
 */
export interface DatasetSinks {
  readonly xml: Writable;
  readonly json: Writable;
  readonly reconciliation?: Writable;
  readonly report?: Writable;
}

/**
 * Writes one dataset as a stream, in both forms: the envelope's head, each trajectory as it comes
 * (validated on its own), then the summary (validated with the envelope). Waits for the sinks to
 * drain, so a slow disk slows the build instead of filling memory. Does not end the sinks.
 */
export class DatasetWriter {
  private records = 0;

  constructor(
    private readonly contract: EvaluationDatasetContract,
    private readonly sinks: DatasetSinks,
    private readonly header: DatasetHeader,
  ) {}

  /** Writes the head. The summary's shape is fixed, so an empty one gives the same head. */
  async start(): Promise<void> {
    const empty = new DatasetTally(this.header.smallCellThreshold).summary();
    await this.write(
      this.contract.envelopeXml(this.header, empty).head,
      this.contract.envelopeJson(this.header, empty).head,
    );
  }

  /** Writes one trajectory record. */
  async trajectory(record: TrajectoryRecord): Promise<void> {
    const { xml, json } = this.contract.trajectory(record);
    await this.write(xml, `${this.records === 0 ? '' : ',\n'}${json}`);
    this.records += 1;
  }

  /** Writes the summary and closes both documents. */
  async finish(summary: DatasetSummary): Promise<void> {
    const xml = this.contract.envelopeXml(this.header, summary);
    const json = this.contract.envelopeJson(this.header, summary);
    await this.write(xml.tail, `${this.records === 0 ? '' : '\n'}${json.tail}`);
  }

  private async write(xml: string, json: string): Promise<void> {
    await Promise.all([put(this.sinks.xml, xml), put(this.sinks.json, json)]);
  }
}

async function put(sink: Writable, chunk: string): Promise<void> {
  if (!sink.write(chunk)) await once(sink, 'drain');
}
