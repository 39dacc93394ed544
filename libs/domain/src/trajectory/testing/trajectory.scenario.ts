// Given/When/Then for the decider, without a test framework dependency: a failed expectation
// throws, which fails the test. Test-only: not exported from the lib's index.
import type { DossierEvent } from '../../events/dossier-event.types';
import type { Decision, Rejection } from '../decision.types';
import type { RejectionCode } from '../rejection.codes';
import { decide } from '../trajectory.decide';
import { evolve } from '../trajectory.evolve';
import { initialState, type TrajectoryState } from '../trajectory.state';

/** Outcome checks on one decision. */
export interface Then {
  readonly decision: Decision;
  /** Expects acceptance and returns the state after the accepted events. */
  thenAccepted(): TrajectoryState;
  /** Expects a rejection with exactly this code and returns it. */
  thenRejected(code: RejectionCode): Rejection;
}

/** A dossier built from a history of events, each of which must itself be accepted. */
export interface Given {
  readonly state: TrajectoryState;
  when(event: DossierEvent): Then;
}

function apply(state: TrajectoryState, decision: Decision): TrajectoryState {
  if (!decision.accepted) throw new Error(`expected acceptance, got ${decision.code}`);
  return decision.events.reduce(evolve, state);
}

/** Starts a scenario; a rejected history event throws, so broken fixtures cannot pass silently. */
export function given(...history: readonly DossierEvent[]): Given {
  const state = history.reduce((current, event, index) => {
    try {
      return apply(current, decide(current, event));
    } catch (error) {
      throw new Error(`given event #${index} (${event.type}): ${(error as Error).message}`, {
        cause: error,
      });
    }
  }, initialState());
  return {
    state,
    when(event) {
      const decision = decide(state, event);
      return {
        decision,
        thenAccepted: () => apply(state, decision),
        thenRejected(code) {
          if (decision.accepted) throw new Error(`expected rejection ${code}, but it was accepted`);
          if (decision.code !== code)
            throw new Error(`expected rejection ${code}, got ${decision.code}`);
          return decision;
        },
      };
    },
  };
}
