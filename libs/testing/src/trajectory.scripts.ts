// FOR TESTS AND BENCHMARKS ONLY: whole, lawful trajectories as the hub receives them, built from
// the committed contract examples (so every event is valid against its contract) with dates laid
// out in the order the law requires, counted from the incapacity start. Partner answers carry the
// partner's source. Identities are generated (`generateNiss`); names are made up. One file per
// kind of route under trajectories/.
export {
  EXAMPLE_PREVENTION_SERVICE,
  type ScriptOptions,
  type ScriptedTrajectory,
} from './trajectories/script.builder';
export {
  cpmtDecisionBThenAmiCase4,
  employerCpmtTrajectorySuspendingAmi,
  routeASalariedWithCpmt,
} from './trajectories/cpmt.routes';
export {
  REGIONAL_RESIDENCES,
  routeBSelfEmployedToActiris,
  routeBToRegionalService,
  type RegionalResidence,
} from './trajectories/regional.routes';
export {
  missedFirstContactWithReduction,
  routeBRefused,
  selfEmployedWithPlan,
} from './trajectories/ami.routes';
