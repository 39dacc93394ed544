import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { Clock } from '@rtw/platform';
import { SMALL_CELL_THRESHOLD } from './cell.suppression';
import { DatasetTally } from './dataset.tally';
import { DatasetWriter, type DatasetSinks } from './dataset.writer';
import { DossierHistoryReader } from './dossier-history.reader';
import type { EvaluationDatasetContract } from './evaluation-dataset.contract';
import { PseudonymKey } from './pseudonym.key';
import { foldTrajectory } from './trajectory.folder';
import { ReconciliationWriter } from '../reconciliation/reconciliation.writer';
import { renderDatasetReport } from '../report/dataset-report.html';

/** Dates in the dataset are Brussels days. */
const BRUSSELS_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels' });
/** Which dataset to build. */
export interface DatasetRequest {
  readonly insurer: string;
  readonly year: number;
}

/** What a build produced (counts only: nothing about a person). */
export interface DatasetBuildResult {
  readonly dossiersRead: number;
  readonly trajectoriesCounted: number;
  readonly findings: number;
}

/**
 * Builds one insurer's dataset for one calendar year from the tracker's event store: reads the
 * dossiers page by page, folds each into its record and cells (pure), streams the records out and
 * writes the aggregates at the end; with the optional sinks, the reconciliation report as it goes
 * and the HTML report at the end. Memory holds one page of dossiers and the tally.
 */
export class DatasetBuilder {
  constructor(
    private readonly deps: {
      dataSource: DataSource;
      contract: EvaluationDatasetContract;
      pseudonymSecret: string;
      pageSize: number;
      clock: Clock;
    },
  ) {}

  async build(request: DatasetRequest, sinks: DatasetSinks): Promise<DatasetBuildResult> {
    const { insurer, year } = request;
    const key = new PseudonymKey({ secret: this.deps.pseudonymSecret, insurer, year });
    const now = this.deps.clock.now();
    const asOf = BRUSSELS_DATE.format(now);
    const header = {
      insurer,
      year,
      generatedAt: now.toISOString(),
      smallCellThreshold: SMALL_CELL_THRESHOLD,
    };
    const writer = new DatasetWriter(this.deps.contract, sinks, header);
    const reconciliation = sinks.reconciliation
      ? new ReconciliationWriter(sinks.reconciliation, header)
      : undefined;
    const tally = new DatasetTally(SMALL_CELL_THRESHOLD);
    const reader = new DossierHistoryReader(this.deps.dataSource, this.deps.pageSize);
    await writer.start();
    await reconciliation?.start();
    let dossiersRead = 0;
    let findings = 0;
    for await (const history of reader.dossiers(insurer)) {
      dossiersRead += 1;
      const folded = foldTrajectory(history, {
        year,
        pseudonym: key.pseudonym(history.dossierId),
        asOf,
      });
      if (!folded.inYear) continue;
      tally.add(folded);
      findings += folded.findings.length;
      await writer.trajectory(folded.record);
      await reconciliation?.trajectory(folded);
    }
    const summary = tally.summary();
    await writer.finish(summary);
    await reconciliation?.finish(tally, summary.reconciliation.trajectoriesCounted);
    if (sinks.report) await put(sinks.report, renderDatasetReport(header, summary));
    return {
      dossiersRead,
      trajectoriesCounted: summary.reconciliation.trajectoriesCounted,
      findings,
    };
  }
}

async function put(sink: Writable, chunk: string): Promise<void> {
  if (!sink.write(chunk)) await once(sink, 'drain');
}
