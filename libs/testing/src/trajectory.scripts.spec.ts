import { ContractRegistry } from '@rtw/contracts';
import { decide, evolve, initialState, type DossierEvent } from '@rtw/domain';
import {
  cpmtDecisionBThenAmiCase4,
  employerCpmtTrajectorySuspendingAmi,
  routeBRefused,
  selfEmployedWithPlan,
  missedFirstContactWithReduction,
  routeASalariedWithCpmt,
  routeBSelfEmployedToActiris,
  routeBToRegionalService,
  REGIONAL_RESIDENCES,
  type ScriptedTrajectory,
} from './trajectory.scripts';

const registry = ContractRegistry.load();

function replay(trajectory: ScriptedTrajectory): string[] {
  let state = initialState();
  const refusals: string[] = [];
  for (const event of trajectory.events) {
    const decision = decide(state, event as unknown as DossierEvent);
    if (!decision.accepted) {
      refusals.push(`${String(event['type'])}: ${decision.code}`);
      continue;
    }
    for (const accepted of decision.events) state = evolve(state, accepted);
  }
  return refusals;
}

describe('the scripted trajectories used by tests and benchmarks', () => {
  it.each([
    ['route A with a CPMT visit and an AMI case 3 plan', routeASalariedWithCpmt],
    ['route B to Actiris for a self-employed person', routeBSelfEmployedToActiris],
    ['a missed first contact with an allowance reduction', missedFirstContactWithReduction],
    ['a CPMT decision B then AMI case 4', cpmtDecisionBThenAmiCase4],
    ['a self-employed person with a plan', selfEmployedWithPlan],
    ['route B refused', routeBRefused],
    ['an employer-requested CPMT trajectory suspending AMI', employerCpmtTrajectorySuspendingAmi],
    [
      'route B to VDAB for a Ghent resident',
      () => routeBToRegionalService(REGIONAL_RESIDENCES.vdab),
    ],
    [
      'route B to Le Forem for a Namur resident',
      () => routeBToRegionalService(REGIONAL_RESIDENCES.forem),
    ],
    [
      'route B to ADG for an Eupen resident',
      () => routeBToRegionalService(REGIONAL_RESIDENCES.adg),
    ],
  ])('%s: every event is valid against its contract', (_name, script) => {
    const invalid = script()
      .events.map((event) => [event['type'], registry.validateEvent(event)] as const)
      .filter(([, result]) => !result.ok)
      .map(([type, result]) => `${String(type)}: ${JSON.stringify(result)}`);
    expect(invalid).toEqual([]);
  });

  it.each([
    ['route A with a CPMT visit and an AMI case 3 plan', routeASalariedWithCpmt],
    ['route B to Actiris for a self-employed person', routeBSelfEmployedToActiris],
    ['a missed first contact with an allowance reduction', missedFirstContactWithReduction],
    ['a CPMT decision B then AMI case 4', cpmtDecisionBThenAmiCase4],
    ['a self-employed person with a plan', selfEmployedWithPlan],
    ['route B refused', routeBRefused],
    ['an employer-requested CPMT trajectory suspending AMI', employerCpmtTrajectorySuspendingAmi],
    [
      'route B to VDAB for a Ghent resident',
      () => routeBToRegionalService(REGIONAL_RESIDENCES.vdab),
    ],
    [
      'route B to Le Forem for a Namur resident',
      () => routeBToRegionalService(REGIONAL_RESIDENCES.forem),
    ],
    [
      'route B to ADG for an Eupen resident',
      () => routeBToRegionalService(REGIONAL_RESIDENCES.adg),
    ],
  ])('%s: the trajectory rules accept every step', (_name, script) => {
    expect(replay(script())).toEqual([]);
  });
});
