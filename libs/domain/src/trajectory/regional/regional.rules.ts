import type { GuardTable } from '../shared/handler.types';
import {
  rejectIfNoConsent,
  rejectIfNotReferable,
  rejectIfReferralExists,
  rejectIfUnknownReferral,
} from '../shared/referral.guards';
import type { TrajectoryState } from '../trajectory.state';

function answer(state: TrajectoryState, event: { readonly data: { readonly referralId: string } }) {
  return rejectIfUnknownReferral(state.regionalReferrals, event.data.referralId);
}

/** Business rules of referrals to regional services and their answers. */
export const regionalGuards = {
  'be.rtw.regional.referral.requested': (state, { data }) =>
    rejectIfReferralExists(state.regionalReferrals, data.referralId) ??
    rejectIfNotReferable(state) ??
    rejectIfNoConsent(state, 'regional-service'),
  'be.rtw.regional.registration.acknowledged': answer,
  'be.rtw.regional.registration.rejected': answer,
  'be.rtw.regional.insured.presented': answer,
  'be.rtw.regional.trajectory.started': answer,
  'be.rtw.regional.trajectory.ended': answer,
} satisfies GuardTable;
