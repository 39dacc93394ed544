import { isDossierEventType } from '../events/dossier-event-types.data';
import type { DossierEvent } from '../events/dossier-event.types';
import { amiReducers } from './ami/ami.reducers';
import { assessmentReducers } from './assessment/assessment.reducers';
import { consentReducers } from './consent/consent.reducers';
import { contactReducers } from './contact/contact.reducers';
import { cpmtReducers } from './cpmt/cpmt.reducers';
import { dossierReducers } from './dossier/dossier.reducers';
import { planReducers } from './plan/plan.reducers';
import { regionalReducers } from './regional/regional.reducers';
import type { ReducerTable } from './shared/handler.types';
import type { TrajectoryState } from './trajectory.state';

// Typed as the complete table: adding an event type without a reducer fails to compile.
const REDUCERS: ReducerTable = {
  ...dossierReducers,
  ...assessmentReducers,
  ...contactReducers,
  ...consentReducers,
  ...cpmtReducers,
  ...amiReducers,
  ...planReducers,
  ...regionalReducers,
};

type AnyReducer = (state: TrajectoryState, event: DossierEvent) => TrajectoryState;

/**
 * Applies an accepted event to the state and returns the new state (the old one is not changed).
 * Replaying a dossier's events through evolve rebuilds its state; unknown types change nothing.
 */
export function evolve(state: TrajectoryState, event: DossierEvent): TrajectoryState {
  if (!isDossierEventType(event.type)) return state;
  const reducer = REDUCERS[event.type] as AnyReducer;
  return reducer(state, event);
}
