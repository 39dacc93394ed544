import type { DossierEventType, EventOf } from '../../events/dossier-event.types';
import type { Rejection } from '../decision.types';
import type { TrajectoryPolicy } from '../policy/trajectory-policy.data';
import type { TrajectoryState } from '../trajectory.state';

/** What a guard may read besides the state and the event. */
export interface GuardContext {
  readonly policy: TrajectoryPolicy;
}

/** A business rule for one event type: a rejection, or undefined when the event may be accepted. */
export type Guard<TType extends DossierEventType> = (
  state: TrajectoryState,
  event: EventOf<TType>,
  context: GuardContext,
) => Rejection | undefined;

/** How one event type changes the state. */
export type Reducer<TType extends DossierEventType> = (
  state: TrajectoryState,
  event: EventOf<TType>,
) => TrajectoryState;

/** Guards by event type; types without business rules have none. */
export type GuardTable = { readonly [TType in DossierEventType]?: Guard<TType> };

/** Reducers by event type; the complete table must cover every type. */
export type ReducerTable = { readonly [TType in DossierEventType]: Reducer<TType> };
