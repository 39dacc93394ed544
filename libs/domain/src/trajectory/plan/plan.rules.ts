import { reject } from '../decision.types';
import { rejectIfBefore } from '../shared/date-order';
import type { GuardTable } from '../shared/handler.types';
import { entryOf } from '../shared/records.util';
import type { TrajectoryState } from '../trajectory.state';

/** A review or evaluation names a plan of the dossier that is not evaluated yet. */
function rejectIfNotOpen(state: TrajectoryState, planId: string, on: string) {
  const plan = entryOf(state.plans, planId);
  if (plan === undefined) return reject('plan.known');
  if (plan.status === 'evaluated') return reject('plan.open-until-evaluated');
  return rejectIfBefore('plan.step-not-before-drafting', on, plan.lastStepOn);
}

/** Business rules of the reintegration plan: it belongs to a launched AMI trajectory. */
export const planGuards = {
  'be.rtw.plan.drafted': (state, { data }) => {
    if (state.ami.status === 'none') return reject('plan.needs-ami');
    if (entryOf(state.plans, data.planId) !== undefined) return reject('plan.id-unique');
    return (
      rejectIfBefore('plan.not-before-ami-launch', data.draftedOn, state.ami.launchedOn) ??
      rejectIfBefore('plan.follow-up-not-before-plan-date', data.nextFollowUpOn, data.draftedOn)
    );
  },
  'be.rtw.plan.reviewed': (state, { data }) =>
    rejectIfNotOpen(state, data.planId, data.reviewedOn) ??
    rejectIfBefore('plan.follow-up-not-before-plan-date', data.nextFollowUpOn, data.reviewedOn),
  'be.rtw.plan.evaluated': (state, { data }) =>
    rejectIfNotOpen(state, data.planId, data.evaluatedOn),
} satisfies GuardTable;
