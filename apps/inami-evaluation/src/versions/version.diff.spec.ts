import { DatasetTally } from '../dataset/dataset.tally';
import type { EvaluationDataset, TrajectoryRecord } from '../dataset/dataset.types';
import { diffDatasets } from './version.diff';

const record = (pseudonym: string, outcome: TrajectoryRecord['outcome']): TrajectoryRecord => ({
  pseudonym,
  ageBand: '35-44',
  sex: 'F',
  region: 'flanders',
  scheme: 'salaried',
  contractType: 'employment-contract',
  outcome,
});

function dataset(records: TrajectoryRecord[]): EvaluationDataset {
  const summary = new DatasetTally(5).summary();
  return {
    insurer: '100',
    year: 2026,
    generatedAt: '2027-01-15T08:00:00.000Z',
    smallCellThreshold: 5,
    trajectory: records,
    ...summary,
    reconciliation: { trajectoriesCounted: records.length },
  };
}

describe('the diff of two versions', () => {
  it('lists trajectory records added, removed and changed by pseudonym', () => {
    const from = dataset([record('p1', 'open'), record('p2', 'open'), record('p3', 'open')]);
    const to = dataset([record('p1', 'open'), record('p2', 'work-resumed'), record('p4', 'open')]);
    expect(diffDatasets(from, to).trajectories).toEqual({
      added: ['p4'],
      removed: ['p3'],
      changed: ['p2'],
      unchanged: 1,
    });
  });

  it('lists the figures that changed per theme and quarter, small cells as suppressed', () => {
    const from = dataset([]);
    const to = dataset([record('p1', 'open')]);
    to.barometer.quarter[1]!.categorisation.category4 = { count: 7, suppressed: false };
    to.costSharingKey.quarter[2]!.completedQuestionnairesReceived = { suppressed: true };
    to.barometer.quarter[0]!.regionalService[1]!.referrals = { count: 12, suppressed: false };
    expect(diffDatasets(from, to).figures).toEqual([
      { figure: 'reconciliation/trajectoriesCounted', from: 0, to: 1 },
      {
        figure: 'costSharingKey/completedQuestionnairesReceived',
        quarter: 3,
        from: 0,
        to: 'suppressed',
      },
      { figure: 'barometer/regionalService/vdab/referrals', quarter: 1, from: 0, to: 12 },
      { figure: 'barometer/categorisation/category4', quarter: 2, from: 0, to: 7 },
    ]);
  });

  it('finds nothing between a version and itself', () => {
    const same = dataset([record('p1', 'open')]);
    expect(diffDatasets(same, same)).toEqual({
      figures: [],
      trajectories: { added: [], removed: [], changed: [], unchanged: 1 },
      findings: { from: 0, to: 0 },
    });
  });
});
