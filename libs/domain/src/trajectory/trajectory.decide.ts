import { isDossierEventType } from '../events/dossier-event-types.data';
import type { DossierEvent } from '../events/dossier-event.types';
import { amiGuards } from './ami/ami.rules';
import { assessmentGuards } from './assessment/assessment.rules';
import { contactGuards } from './contact/contact.rules';
import { cpmtGuards } from './cpmt/cpmt.rules';
import { type Decision, reject, type Rejection } from './decision.types';
import { dossierLifecycleRejection } from './dossier/dossier-lifecycle.rules';
import { dossierGuards } from './dossier/dossier.rules';
import { planGuards } from './plan/plan.rules';
import { regionalGuards } from './regional/regional.rules';
import type { GuardTable } from './shared/handler.types';
import type { TrajectoryState } from './trajectory.state';

const GUARDS: GuardTable = {
  ...dossierGuards,
  ...assessmentGuards,
  ...contactGuards,
  ...cpmtGuards,
  ...amiGuards,
  ...planGuards,
  ...regionalGuards,
};

type AnyGuard = (state: TrajectoryState, event: DossierEvent) => Rejection | undefined;

/**
 * Decides whether an inbound event may join the dossier: lifecycle rules first (open, insurer,
 * closed), then the event's own business rules. Pure: same state and event, same answer.
 */
export function decide(state: TrajectoryState, event: DossierEvent): Decision {
  // Input may come from a newer schema than this code knows: refuse rather than guess.
  if (!isDossierEventType(event.type)) return reject('EVENT_TYPE_UNSUPPORTED');
  // The table is keyed by type, so the guard found is the one for this event's own type.
  const guard = GUARDS[event.type] as AnyGuard | undefined;
  const rejection = dossierLifecycleRejection(state, event) ?? guard?.(state, event);
  return rejection ?? { accepted: true, events: [event] };
}
