import { reject } from '../decision.types';
import type { TrajectoryPolicy } from '../policy/trajectory-policy.data';
import { rejectIfBefore } from '../shared/date-order';
import type { GuardTable } from '../shared/handler.types';
import {
  rejectIfNotReferable,
  rejectIfProcessingConsentWithdrawn,
} from '../shared/referral.guards';
import type { CapacityCategory, TrajectoryState } from '../trajectory.state';

/** True for the four categories of the estimate of remaining capacities. */
export function isCapacityCategory(value: number): value is CapacityCategory {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

const RETURNABLE = new Set(['sent', 'returned-incomplete']);

/** Category 4 is referred after the first estimate; 1 and 3 only after a re-estimate. */
function rejectIfNotYetReferable(state: TrajectoryState, policy: TrajectoryPolicy) {
  if (state.capacity === undefined) return undefined;
  const { category, estimateCount } = state.capacity;
  const reEstimated = estimateCount > 1;
  const { firstEstimateCategories, reEstimateCategories } = policy.coordinatorReferral;
  const allowed = reEstimated ? reEstimateCategories : firstEstimateCategories;
  return allowed.includes(category)
    ? undefined
    : reject(
        'coordinator.category-after-re-estimate',
        `Category ${category} is not referred after ${reEstimated ? 'a re-estimate' : 'the first estimate'}.`,
      );
}

/** Business rules of the questionnaire, capacity estimate and routes A and B. */
export const assessmentGuards = {
  'be.rtw.capacity.assessed': (_state, event) =>
    isCapacityCategory(event.data.category)
      ? undefined
      : reject('capacity.category-known', 'Capacity category must be 1, 2, 3 or 4.'),
  'be.rtw.questionnaire.returned': (state, { data }) =>
    RETURNABLE.has(state.questionnaire.status)
      ? rejectIfBefore(
          'questionnaire.returned-not-before-sent',
          data.receivedOn,
          state.questionnaire.sentOn,
        )
      : reject('questionnaire.returned-after-sent'),
  'be.rtw.coordinator.referred': (state, { data }, { policy }) =>
    (state.capacity === undefined ? reject('coordinator.referral-needs-estimate') : undefined) ??
    rejectIfNotReferable(state) ??
    rejectIfProcessingConsentWithdrawn(state) ??
    rejectIfNotYetReferable(state, policy) ??
    rejectIfBefore(
      'coordinator.referral-not-before-estimate',
      data.referredOn,
      state.capacity?.assessedOn,
    ),
  'be.rtw.routeb.decided': (state, { data }) =>
    state.routeB.status === 'requested'
      ? rejectIfBefore('routeb.decision-not-before-request', data.decidedOn, state.routeB.on)
      : reject('routeb.decision-needs-request'),
} satisfies GuardTable;
