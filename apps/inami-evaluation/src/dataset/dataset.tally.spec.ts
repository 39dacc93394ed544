import { DatasetTally } from './dataset.tally';
import type { CellKey, Finding } from './dataset.types';
import type { FoldedTrajectory } from './trajectory.folder';

function trajectory(cells: CellKey[], findings: Finding[] = []): FoldedTrajectory {
  return {
    inYear: true,
    cells,
    evidence: cells.map((cell) => ({ cell, eventIds: [] })),
    findings,
    record: {
      pseudonym: 'b'.repeat(64),
      ageBand: 'unknown',
      sex: 'unknown',
      region: 'unknown',
      scheme: 'unknown',
      contractType: 'unknown',
      outcome: 'open',
    },
  };
}

describe('the dataset tally', () => {
  it('publishes a cell of five people and suppresses a cell of four, per quarter', () => {
    const tally = new DatasetTally();
    for (let i = 0; i < 5; i++) tally.add(trajectory(['questionnairesSent@1']));
    for (let i = 0; i < 4; i++) tally.add(trajectory(['questionnairesSent@2', 'decisionB@2']));
    const { barometer, reconciliation } = tally.summary();
    expect(barometer.quarter.map((q) => q.questionnairesSent)).toEqual([
      { count: 5, suppressed: false },
      { suppressed: true },
      { count: 0, suppressed: false },
      { count: 0, suppressed: false },
    ]);
    expect(barometer.quarter[1]!.cpmtDecisions.decisionB).toEqual({ suppressed: true });
    expect(reconciliation).toEqual({ trajectoriesCounted: 9 });
  });

  it('fills the cost-sharing key and each regional service of every quarter, in a fixed order', () => {
    const tally = new DatasetTally();
    for (let i = 0; i < 6; i++) {
      tally.add(
        trajectory([
          'completedQuestionnairesReceived@3',
          'positiveEngagementDeclarationsSigned@4',
          'referrals:vdab@3',
          'registrations:vdab@4',
        ]),
      );
    }
    const { costSharingKey, barometer } = tally.summary();
    expect(costSharingKey.quarter[2]).toEqual({
      quarter: 3,
      completedQuestionnairesReceived: { count: 6, suppressed: false },
      positiveEngagementDeclarationsSigned: { count: 0, suppressed: false },
    });
    expect(costSharingKey.quarter[3]!.positiveEngagementDeclarationsSigned).toEqual({
      count: 6,
      suppressed: false,
    });
    expect(barometer.quarter[2]!.regionalService.map((s) => [s.service, s.referrals])).toEqual([
      ['actiris', { count: 0, suppressed: false }],
      ['vdab', { count: 6, suppressed: false }],
      ['forem', { count: 0, suppressed: false }],
      ['adg', { count: 0, suppressed: false }],
    ]);
    expect(barometer.quarter[3]!.regionalService[1]!.registrations).toEqual({
      count: 6,
      suppressed: false,
    });
  });

  it('lists the findings of every trajectory in the reconciliation part', () => {
    const tally = new DatasetTally();
    const finding: Finding = { pseudonym: 'c'.repeat(64), code: 'OPENING_MISSING' };
    tally.add(trajectory([], [finding]));
    tally.add(trajectory([]));
    expect(tally.summary().reconciliation).toEqual({ trajectoriesCounted: 2, finding: [finding] });
  });

  it('gives an empty year four quarters of zero', () => {
    const { costSharingKey, barometer, reconciliation } = new DatasetTally().summary();
    expect(costSharingKey.quarter.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
    expect(barometer.quarter).toHaveLength(4);
    expect(reconciliation).toEqual({ trajectoriesCounted: 0 });
  });
});
