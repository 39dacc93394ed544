import type { DeadlineChange, DeadlineStart } from './deadline.planner';

/** A deadline row as the tracker reads and writes it. */
export interface DeadlineRow {
  /** Database id; undefined for a row this batch creates. */
  readonly id?: string;
  readonly dossierId: string;
  readonly insurer: string;
  readonly ruleId: string;
  readonly matchKey: string;
  readonly startedBy: string;
  readonly startsOn: string;
  readonly opensOn?: string;
  readonly dueOn: string;
  status: 'open' | 'met' | 'missed' | 'cancelled';
  settledBy?: string;
  settled: boolean;
}

/**
 * The deadlines of a batch's dossiers in memory: the open (or missed, unsettled) rows loaded from
 * the store plus those the batch starts. Changes apply in event order, so a clock started and then
 * fulfilled within one batch ends up met, and a fulfilment settles every open clock of its rule,
 * old or new. The result is written with one insert and one update.
 */
export class DeadlineBook {
  private readonly rows: DeadlineRow[];
  private readonly touched = new Set<DeadlineRow>();

  constructor(loaded: readonly DeadlineRow[]) {
    this.rows = loaded.map((row) => ({ ...row }));
  }

  apply(change: DeadlineChange): void {
    if (change.op === 'start') return void this.start(change);
    for (const row of this.rows) {
      if (row.dossierId !== change.dossierId || !change.ruleIds.includes(row.ruleId)) continue;
      if (change.matchKey !== undefined && row.matchKey !== change.matchKey) continue;
      if (
        change.op === 'settle' &&
        !row.settled &&
        (row.status === 'open' || row.status === 'missed')
      ) {
        // A fulfilment after the due date keeps `missed`: it records that the term was not met.
        if (row.status === 'open') row.status = 'met';
        row.settled = true;
        row.settledBy = change.by;
        this.touched.add(row);
      } else if (change.op === 'cancel' && row.status === 'open') {
        row.status = 'cancelled';
        row.settled = true;
        row.settledBy = change.by;
        this.touched.add(row);
      }
    }
  }

  /** Rows to insert (started by this batch, whatever became of them). */
  inserts(): DeadlineRow[] {
    return this.rows.filter((row) => row.id === undefined);
  }

  /** Loaded rows this batch settled or cancelled. */
  updates(): DeadlineRow[] {
    return [...this.touched].filter((row) => row.id !== undefined);
  }

  private start(change: DeadlineStart): void {
    const row: DeadlineRow = {
      dossierId: change.dossierId,
      insurer: change.insurer,
      ruleId: change.ruleId,
      matchKey: change.matchKey,
      startedBy: change.startedBy,
      startsOn: change.startsOn,
      ...(change.opensOn ? { opensOn: change.opensOn } : {}),
      dueOn: change.dueOn,
      status: 'open',
      settled: false,
    };
    this.rows.push(row);
  }
}
