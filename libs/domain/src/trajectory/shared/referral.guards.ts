import type { ConsentScope } from '../../events/consent.events';
import { type Rejection, reject } from '../decision.types';
import type { TrajectoryState } from '../trajectory.state';
import { entryOf } from './records.util';

/** Category 2 (return not possible for medical reasons) is never referred anywhere. */
export function rejectIfNotReferable(state: TrajectoryState): Rejection | undefined {
  return state.capacity?.category === 2 ? reject('referral.category-2-never') : undefined;
}

/** A withdrawn consent to process the dossier stops every referral. */
export function rejectIfProcessingConsentWithdrawn(state: TrajectoryState): Rejection | undefined {
  return state.consents['data-processing']?.status === 'withdrawn'
    ? reject('referral.data-processing-consent')
    : undefined;
}

/** A referral to a partner needs the insured's consent for that recipient, still in force. */
export function rejectIfNoConsent(
  state: TrajectoryState,
  scope: ConsentScope,
): Rejection | undefined {
  return state.consents[scope]?.status === 'given'
    ? undefined
    : reject('referral.recipient-consent', `No consent in force for scope '${scope}'.`);
}

/** Partners are referred to within a started trajectory (route A referral or accepted route B). */
export function rejectIfTrajectoryNotStarted(state: TrajectoryState): Rejection | undefined {
  const started = state.routeA.status === 'referred' || state.routeB.status === 'accepted';
  return started ? undefined : reject('referral.trajectory-started');
}

/** Referral ids are unique per dossier: answers are matched on them. */
export function rejectIfReferralExists(
  referrals: Readonly<Record<string, unknown>>,
  referralId: string,
): Rejection | undefined {
  return entryOf(referrals, referralId) === undefined ? undefined : reject('referral.id-unique');
}
