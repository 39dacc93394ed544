import { isDossierEventType } from '../events/dossier-event-types.data';
import type { DossierEvent } from '../events/dossier-event.types';
import { amiGuards } from './ami/ami.rules';
import { assessmentGuards } from './assessment/assessment.rules';
import { contactGuards } from './contact/contact.rules';
import { cpmtGuards } from './cpmt/cpmt.rules';
import { type Decision, reject, type Rejection } from './decision.types';
import { dossierLifecycleRejection } from './dossier/dossier-lifecycle.rules';
import { dossierGuards } from './dossier/dossier.rules';
import { incapacityDateRejection } from './dossier/incapacity-dates.rules';
import { planGuards } from './plan/plan.rules';
import { TRAJECTORY_POLICY, type TrajectoryPolicy } from './policy/trajectory-policy.data';
import { regionalGuards } from './regional/regional.rules';
import type { GuardContext, GuardTable } from './shared/handler.types';
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

type AnyGuard = (
  state: TrajectoryState,
  event: DossierEvent,
  context: GuardContext,
) => Rejection | undefined;

/**
 * Decides whether an inbound event may join the dossier: lifecycle rules first (open, insurer,
 * closed), then the incapacity start as the earliest date, then the event's own business rules
 * (TRAJECTORY_RULES). Pure: same state, event and policy, same answer. The policy holds the
 * rules' configurable values; the law's current ones by default.
 */
export function decide(
  state: TrajectoryState,
  event: DossierEvent,
  policy: TrajectoryPolicy = TRAJECTORY_POLICY,
): Decision {
  // Input may come from a newer schema than this code knows: refuse rather than guess.
  if (!isDossierEventType(event.type)) return reject('event.type-supported');
  // The table is keyed by type, so the guard found is the one for this event's own type.
  const guard = GUARDS[event.type] as AnyGuard | undefined;
  const rejection =
    dossierLifecycleRejection(state, event) ??
    incapacityDateRejection(state, event) ??
    guard?.(state, event, { policy });
  return rejection ?? { accepted: true, events: [event] };
}
