import { SMALL_CELL_THRESHOLD, toCell } from './cell.suppression';
import {
  REGIONAL_SERVICE_CODES,
  type BarometerQuarter,
  type CellKey,
  type CostSharingQuarter,
  type DatasetSummary,
  type Finding,
  type Quarter,
  type QuarterCellTheme,
} from './dataset.types';
import type { FoldedTrajectory } from './trajectory.folder';

const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/**
 * The running totals of a build: people per cell, trajectories counted and the findings. Its size
 * depends on the number of cells (themes x quarters) and of inconsistent trajectories, not on the
 * size of the year.
 */
export class DatasetTally {
  private readonly peopleIn = new Map<CellKey, number>();
  private readonly findings: Finding[] = [];
  private counted = 0;

  constructor(private readonly threshold: number = SMALL_CELL_THRESHOLD) {}

  /** Adds a trajectory of the year. */
  add(trajectory: Pick<FoldedTrajectory, 'cells' | 'findings'>): void {
    this.counted += 1;
    for (const key of trajectory.cells) this.peopleIn.set(key, (this.peopleIn.get(key) ?? 0) + 1);
    this.findings.push(...trajectory.findings);
  }

  /** The people counted in a cell so far (before suppression: for the reconciliation report). */
  people(theme: QuarterCellTheme, quarter: Quarter): number {
    return this.peopleIn.get(`${theme}@${quarter}`) ?? 0;
  }

  /** The aggregates, small cells suppressed, and the reconciliation part. */
  summary(): DatasetSummary {
    const cell = (theme: QuarterCellTheme, quarter: Quarter) =>
      toCell(this.people(theme, quarter), this.threshold);
    const costSharing = QUARTERS.map((quarter): CostSharingQuarter => ({
      quarter,
      completedQuestionnairesReceived: cell('completedQuestionnairesReceived', quarter),
      positiveEngagementDeclarationsSigned: cell('positiveEngagementDeclarationsSigned', quarter),
    }));
    const barometer = QUARTERS.map((quarter): BarometerQuarter => ({
      quarter,
      questionnairesSent: cell('questionnairesSent', quarter),
      questionnairesReceived: cell('questionnairesReceived', quarter),
      categorisation: {
        category1: cell('category1', quarter),
        category2: cell('category2', quarter),
        category3: cell('category3', quarter),
        category4: cell('category4', quarter),
      },
      regionalService: REGIONAL_SERVICE_CODES.map((service) => ({
        service,
        referrals: cell(`referrals:${service}`, quarter),
        registrations: cell(`registrations:${service}`, quarter),
      })),
      engagementDeclarationsSigned: cell('engagementDeclarationsSigned', quarter),
      plansDrafted: cell('plansDrafted', quarter),
      partTimeResumptions: cell('partTimeResumptions', quarter),
      cpmtReintegrationTrajectoriesStarted: cell('cpmtReintegrationTrajectoriesStarted', quarter),
      cpmtDecisions: {
        decisionA: cell('decisionA', quarter),
        decisionB: cell('decisionB', quarter),
        decisionC: cell('decisionC', quarter),
      },
    }));
    return {
      costSharingKey: { quarter: costSharing },
      barometer: { quarter: barometer },
      reconciliation: {
        trajectoriesCounted: this.counted,
        ...(this.findings.length > 0 ? { finding: [...this.findings] } : {}),
      },
    };
  }
}
