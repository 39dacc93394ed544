// The reconciliation report of a dataset (ADR 0086): JSON lines, one record per line, written as
// the build goes. It stays with the insurer: it names the members of suppressed cells (by
// pseudonym) so the insurer can answer INAMI's questions, and is never delivered to INAMI.

import type {
  Cell,
  DatasetHeader,
  FindingCode,
  Quarter,
  QuarterCellTheme,
} from '../dataset/dataset.types';

/** The format's name, on the first line. */
export const RECONCILIATION_FORMAT = 'rtw-inami-reconciliation/v1';

/** The first line: which dataset this report reconciles. */
export interface ReconciliationHeaderLine extends DatasetHeader {
  record: 'header';
  format: typeof RECONCILIATION_FORMAT;
}

/** A person counted in a cell: which trajectory, and the events that counted them there. */
export interface ReconciliationCountLine {
  record: 'count';
  theme: QuarterCellTheme;
  quarter: Quarter;
  pseudonym: string;
  eventIds: string[];
}

/** An inconsistent trajectory, counted where it could be (as in the dataset's findings). */
export interface ReconciliationFindingLine {
  record: 'finding';
  pseudonym: string;
  code: FindingCode;
  eventType?: string;
}

/** A cell's total (people counted) and the figure the dataset publishes for it. */
export interface ReconciliationCellLine {
  record: 'cell';
  theme: QuarterCellTheme;
  quarter: Quarter;
  people: number;
  published: Cell;
}

/** The last line: the totals, so a truncated file is recognisable. */
export interface ReconciliationTotalLine {
  record: 'total';
  trajectoriesCounted: number;
  findings: number;
  countLines: number;
}

export type ReconciliationLine =
  | ReconciliationHeaderLine
  | ReconciliationCountLine
  | ReconciliationFindingLine
  | ReconciliationCellLine
  | ReconciliationTotalLine;
