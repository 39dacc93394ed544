import type { DataOf } from '../../events/dossier-event.types';
import { competentRegionalService } from '../../reference-data/regional-services/regional-service.lookup';
import { REGIONAL_SERVICES } from '../../reference-data/regional-services/regional-services.data';
import { reject } from '../decision.types';
import type { GuardTable } from '../shared/handler.types';
import { answerGuard } from '../shared/referral-answer.guard';
import {
  rejectIfNoConsent,
  rejectIfNotReferable,
  rejectIfProcessingConsentWithdrawn,
  rejectIfReferralExists,
  rejectIfTrajectoryNotStarted,
} from '../shared/referral.guards';
import type { RegionalReferralState, TrajectoryState } from '../trajectory.state';

const answer = answerGuard('regionalReferrals');

/** The residence decides which service is competent, not the employer (DOMAIN.md section 6). */
function rejectIfNotCompetent(state: TrajectoryState, service: string) {
  const competent = state.residence ? competentRegionalService(state.residence) : undefined;
  return competent === service
    ? undefined
    : reject(
        'regional.competent-for-residence',
        `The residence is served by ${competent ?? 'no known regional service'}, not ${service}.`,
      );
}

function rejectIfForeignDisabilityPartner(data: DataOf<'be.rtw.regional.referral.requested'>) {
  const partner = data.disabilityPartner;
  if (partner === undefined || partner === 'none') return undefined;
  return REGIONAL_SERVICES[data.service].disabilityPartner === partner
    ? undefined
    : reject(
        'regional.own-disability-partner',
        `${partner.toUpperCase()} is not the disability partner of ${data.service}.`,
      );
}

// The order of a regional service's answers: registration acknowledged or rejected once; the
// insured presents and a trajectory starts after acknowledgement; the end follows the start.
const stillRequested = (r: RegionalReferralState) =>
  r.status === 'requested' ? undefined : 'The registration was already acknowledged or rejected.';
const acknowledged = (r: RegionalReferralState) =>
  r.status === 'acknowledged' ? undefined : 'The service has not acknowledged the registration.';
const trajectoryRunning = (r: RegionalReferralState) =>
  r.trajectory?.startedOn !== undefined && r.trajectory.endedOn === undefined
    ? undefined
    : 'No regional trajectory runs for this referral.';

/** Business rules of referrals to regional services and their answers. */
export const regionalGuards = {
  'be.rtw.regional.referral.requested': (state, { data }) =>
    rejectIfReferralExists(state.regionalReferrals, data.referralId) ??
    rejectIfNotReferable(state) ??
    rejectIfProcessingConsentWithdrawn(state) ??
    rejectIfTrajectoryNotStarted(state) ??
    rejectIfNoConsent(state, 'regional-service') ??
    rejectIfNotCompetent(state, data.service) ??
    rejectIfForeignDisabilityPartner(data),
  'be.rtw.regional.registration.acknowledged': answer({
    outOfOrder: stillRequested,
    dateOf: (data) => data.acknowledgedOn,
  }),
  'be.rtw.regional.registration.rejected': answer({
    outOfOrder: stillRequested,
    dateOf: (data) => data.rejectedOn,
  }),
  'be.rtw.regional.insured.presented': answer({
    outOfOrder: acknowledged,
    dateOf: (data) => data.presentedOn,
  }),
  'be.rtw.regional.trajectory.started': answer({
    outOfOrder: (r) =>
      acknowledged(r) ??
      (r.trajectory?.startedOn === undefined ? undefined : 'The trajectory already started.'),
    dateOf: (data) => data.startedOn,
  }),
  'be.rtw.regional.trajectory.ended': answer({
    outOfOrder: trajectoryRunning,
    dateOf: (data) => data.endedOn,
    notBefore: (r) => r.trajectory?.startedOn,
  }),
} satisfies GuardTable;
