import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { toCell } from '../dataset/cell.suppression';
import type { DatasetTally } from '../dataset/dataset.tally';
import {
  QUARTER_CELL_THEMES,
  type DatasetHeader,
  type Quarter,
  type QuarterCellTheme,
} from '../dataset/dataset.types';
import type { FoldedTrajectory } from '../dataset/trajectory.folder';
import { RECONCILIATION_FORMAT, type ReconciliationLine } from './reconciliation.types';

const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/**
 * Writes a dataset's reconciliation report as JSON lines while the build runs: a header, then for
 * each trajectory one `count` line per cell it counts in (pseudonym and event ids) and its
 * `finding` lines, then every cell's total with the figure published, then the totals. Only the
 * tally is needed at the end, so memory does not grow with the year. Carries what the dataset
 * carries (pseudonyms, codes) plus event ids: nothing that names a person.
 */
export class ReconciliationWriter {
  private countLines = 0;
  private findings = 0;

  constructor(
    private readonly sink: Writable,
    private readonly header: DatasetHeader,
  ) {}

  async start(): Promise<void> {
    await this.write([{ record: 'header', format: RECONCILIATION_FORMAT, ...this.header }]);
  }

  /** The lines of one counted trajectory. */
  async trajectory(folded: FoldedTrajectory): Promise<void> {
    const lines: ReconciliationLine[] = [];
    const pseudonym = folded.record.pseudonym;
    for (const { cell, eventIds } of folded.evidence) {
      const at = cell.lastIndexOf('@');
      lines.push({
        record: 'count',
        theme: cell.slice(0, at) as QuarterCellTheme,
        quarter: Number(cell.slice(at + 1)) as Quarter,
        pseudonym,
        eventIds,
      });
    }
    this.countLines += lines.length;
    for (const finding of folded.findings) lines.push({ record: 'finding', ...finding });
    this.findings += folded.findings.length;
    await this.write(lines);
  }

  /** Every cell's total and published figure, then the totals. */
  async finish(tally: DatasetTally, trajectoriesCounted: number): Promise<void> {
    const lines: ReconciliationLine[] = [];
    for (const theme of QUARTER_CELL_THEMES) {
      for (const quarter of QUARTERS) {
        const people = tally.people(theme, quarter);
        lines.push({
          record: 'cell',
          theme,
          quarter,
          people,
          published: toCell(people, this.header.smallCellThreshold),
        });
      }
    }
    lines.push({
      record: 'total',
      trajectoriesCounted,
      findings: this.findings,
      countLines: this.countLines,
    });
    await this.write(lines);
  }

  private async write(lines: ReconciliationLine[]): Promise<void> {
    if (lines.length === 0) return;
    const chunk = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
    if (!this.sink.write(chunk)) await once(this.sink, 'drain');
  }
}
