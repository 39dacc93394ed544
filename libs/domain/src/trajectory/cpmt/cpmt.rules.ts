import type { EventOf } from '../../events/dossier-event.types';
import { isValidEnterpriseNumber } from '../../identifiers/enterprise-number.parser';
import { reject } from '../decision.types';
import type { GuardTable } from '../shared/handler.types';
import {
  rejectIfNoConsent,
  rejectIfNotReferable,
  rejectIfReferralExists,
  rejectIfUnknownReferral,
} from '../shared/referral.guards';
import type { TrajectoryState } from '../trajectory.state';

function answer(state: TrajectoryState, event: { readonly data: { readonly referralId: string } }) {
  return rejectIfUnknownReferral(state.cpmtReferrals, event.data.referralId);
}

function rejectIfNoContract(state: TrajectoryState) {
  return state.employment?.hasContract ? undefined : reject('NO_EMPLOYMENT_CONTRACT');
}

function rejectIfInvalidEnterprises(data: EventOf<'be.rtw.cpmt.referral.requested'>['data']) {
  const numbers = [data.employerEnterpriseNumber, data.preventionService.enterpriseNumber];
  return numbers.every(isValidEnterpriseNumber) ? undefined : reject('ENTERPRISE_NUMBER_INVALID');
}

/** Business rules of CPMT referrals and the CPMT's answers. */
export const cpmtGuards = {
  'be.rtw.cpmt.referral.requested': (state, { data }) =>
    rejectIfReferralExists(state.cpmtReferrals, data.referralId) ??
    rejectIfNotReferable(state) ??
    rejectIfNoContract(state) ??
    rejectIfNoConsent(state, 'cpmt') ??
    rejectIfInvalidEnterprises(data),
  'be.rtw.cpmt.referral.accepted': answer,
  'be.rtw.cpmt.referral.rejected': answer,
  'be.rtw.cpmt.visit.held': answer,
  'be.rtw.cpmt.trajectory.started': answer,
  'be.rtw.cpmt.assessment.decided': answer,
  'be.rtw.cpmt.trajectory.ended': answer,
} satisfies GuardTable;
