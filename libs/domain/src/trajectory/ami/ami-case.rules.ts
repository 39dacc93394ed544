import type { CpmtReferralState, TrajectoryState } from '../trajectory.state';

const referralsOf = (state: TrajectoryState): CpmtReferralState[] =>
  Object.values(state.cpmtReferrals);

/** Case 3: the pre-reintegration visit was held and no reintegration trajectory was asked for. */
function visitHeldWithoutTrajectoryRequest(referral: CpmtReferralState): boolean {
  return referral.visit !== undefined && !referral.visit.reintegrationTrajectoryRequested;
}

/** Case 4: the trajectory at the employer ended because the person is definitively unfit. */
function endedDefinitivelyUnfit(referral: CpmtReferralState): boolean {
  const ended = referral.trajectory?.endedOn !== undefined;
  const unfit =
    referral.trajectory?.outcome === 'definitively-unfit' || referral.assessment?.decision === 'B';
  return ended && unfit;
}

/**
 * Whether the dossier's contract and CPMT history allow launching the AMI trajectory under this
 * case (DOMAIN.md section 3, the four launch cases).
 */
export function isAmiCaseConsistent(state: TrajectoryState, amiCase: number): boolean {
  const hasContract = state.employment?.hasContract === true;
  const referrals = referralsOf(state);
  switch (amiCase) {
    case 1:
      return !hasContract;
    case 2:
      // A referral the prevention service rejected never reached the CPMT.
      return hasContract && referrals.every((r) => r.status === 'rejected');
    case 3:
      return hasContract && referrals.some(visitHeldWithoutTrajectoryRequest);
    case 4:
      return referrals.some(endedDefinitivelyUnfit);
    default:
      return false;
  }
}
