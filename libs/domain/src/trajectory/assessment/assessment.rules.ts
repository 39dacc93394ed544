import { reject } from '../decision.types';
import type { GuardTable } from '../shared/handler.types';
import { rejectIfNotReferable } from '../shared/referral.guards';
import type { CapacityCategory } from '../trajectory.state';

/** True for the four categories of the estimate of remaining capacities. */
export function isCapacityCategory(value: number): value is CapacityCategory {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** Business rules of the questionnaire, capacity estimate and routes A and B. */
export const assessmentGuards = {
  'be.rtw.capacity.assessed': (_state, event) =>
    isCapacityCategory(event.data.category)
      ? undefined
      : reject('EVENT_DATA_INVALID', 'Capacity category must be 1, 2, 3 or 4.'),
  'be.rtw.coordinator.referred': (state) => rejectIfNotReferable(state),
  'be.rtw.routeb.decided': (state) =>
    state.routeB.status === 'none' ? reject('ROUTE_B_NOT_REQUESTED') : undefined,
} satisfies GuardTable;
