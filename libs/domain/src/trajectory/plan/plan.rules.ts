import { reject } from '../decision.types';
import type { GuardTable } from '../shared/handler.types';
import { entryOf } from '../shared/records.util';
import type { TrajectoryState } from '../trajectory.state';

function rejectIfUnknownPlan(state: TrajectoryState, planId: string) {
  return entryOf(state.plans, planId) === undefined ? reject('UNKNOWN_PLAN') : undefined;
}

/** Business rules of the reintegration plan: it belongs to a launched AMI trajectory. */
export const planGuards = {
  'be.rtw.plan.drafted': (state) =>
    state.ami.status === 'none' ? reject('PLAN_WITHOUT_AMI') : undefined,
  'be.rtw.plan.reviewed': (state, { data }) => rejectIfUnknownPlan(state, data.planId),
  'be.rtw.plan.evaluated': (state, { data }) => rejectIfUnknownPlan(state, data.planId),
} satisfies GuardTable;
