import type { ConsentScope } from '../../events/consent.events';
import { type Rejection, reject } from '../decision.types';
import { entryOf } from './records.util';
import type { TrajectoryState } from '../trajectory.state';

/** Category 2 (return not possible for medical reasons) is never referred anywhere. */
export function rejectIfNotReferable(state: TrajectoryState): Rejection | undefined {
  return state.capacity?.category === 2 ? reject('CATEGORY_NOT_REFERABLE') : undefined;
}

/** A referral to a partner needs the insured's consent for that recipient, still in force. */
export function rejectIfNoConsent(
  state: TrajectoryState,
  scope: ConsentScope,
): Rejection | undefined {
  return state.consents[scope]?.status === 'given'
    ? undefined
    : reject('CONSENT_MISSING', `No consent in force for scope '${scope}'.`);
}

/** Referral ids are unique per dossier: answers are matched on them. */
export function rejectIfReferralExists(
  referrals: Readonly<Record<string, unknown>>,
  referralId: string,
): Rejection | undefined {
  return entryOf(referrals, referralId) === undefined
    ? undefined
    : reject('REFERRAL_ALREADY_EXISTS');
}

/** A partner answer must name a referral the dossier has. */
export function rejectIfUnknownReferral(
  referrals: Readonly<Record<string, unknown>>,
  referralId: string,
): Rejection | undefined {
  return entryOf(referrals, referralId) === undefined ? reject('UNKNOWN_REFERRAL') : undefined;
}
