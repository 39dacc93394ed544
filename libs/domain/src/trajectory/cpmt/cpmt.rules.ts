import type { DataOf } from '../../events/dossier-event.types';
import { isValidEnterpriseNumber } from '../../identifiers/enterprise-number.parser';
import { reject } from '../decision.types';
import { answerGuard } from '../shared/referral-answer.guard';
import type { GuardTable } from '../shared/handler.types';
import {
  rejectIfNoConsent,
  rejectIfNotReferable,
  rejectIfProcessingConsentWithdrawn,
  rejectIfReferralExists,
  rejectIfTrajectoryNotStarted,
} from '../shared/referral.guards';
import type { CpmtReferralState, TrajectoryState } from '../trajectory.state';

const answer = answerGuard('cpmtReferrals');

function rejectIfNoContract(state: TrajectoryState) {
  return state.employment?.hasContract ? undefined : reject('cpmt.needs-contract');
}

function rejectIfInvalidEnterprises(data: DataOf<'be.rtw.cpmt.referral.requested'>) {
  const numbers = [data.employerEnterpriseNumber, data.preventionService.enterpriseNumber];
  return numbers.every(isValidEnterpriseNumber)
    ? undefined
    : reject('cpmt.enterprise-numbers-valid');
}

// The order of the CPMT's answers: acceptance or rejection once; visit and trajectory after
// acceptance; assessment and end within a started trajectory.
const stillRequested = (r: CpmtReferralState) =>
  r.status === 'requested' ? undefined : 'The referral was already accepted or rejected.';
const accepted = (r: CpmtReferralState) =>
  r.status === 'accepted' ? undefined : 'The prevention service has not accepted the referral.';
const trajectoryRunning = (r: CpmtReferralState) =>
  r.trajectory?.startedOn !== undefined && r.trajectory.endedOn === undefined
    ? undefined
    : 'No reintegration trajectory runs for this referral.';
const trajectoryStartedOn = (r: CpmtReferralState) => r.trajectory?.startedOn;

/** Business rules of CPMT referrals and the CPMT's answers. */
export const cpmtGuards = {
  'be.rtw.cpmt.referral.requested': (state, { data }) =>
    rejectIfReferralExists(state.cpmtReferrals, data.referralId) ??
    rejectIfNotReferable(state) ??
    rejectIfProcessingConsentWithdrawn(state) ??
    rejectIfTrajectoryNotStarted(state) ??
    rejectIfNoContract(state) ??
    rejectIfNoConsent(state, 'cpmt') ??
    rejectIfInvalidEnterprises(data),
  'be.rtw.cpmt.referral.accepted': answer({
    outOfOrder: stillRequested,
    dateOf: (data) => data.acceptedOn,
  }),
  'be.rtw.cpmt.referral.rejected': answer({
    outOfOrder: stillRequested,
    dateOf: (data) => data.rejectedOn,
  }),
  'be.rtw.cpmt.visit.held': answer({ outOfOrder: accepted, dateOf: (data) => data.heldOn }),
  'be.rtw.cpmt.trajectory.started': answer({
    outOfOrder: (r) =>
      accepted(r) ??
      (r.trajectory?.startedOn === undefined ? undefined : 'The trajectory already started.'),
    dateOf: (data) => data.startedOn,
  }),
  'be.rtw.cpmt.assessment.decided': answer({
    outOfOrder: trajectoryRunning,
    dateOf: (data) => data.decidedOn,
    notBefore: trajectoryStartedOn,
  }),
  'be.rtw.cpmt.trajectory.ended': answer({
    outOfOrder: trajectoryRunning,
    dateOf: (data) => data.endedOn,
    notBefore: trajectoryStartedOn,
  }),
} satisfies GuardTable;
