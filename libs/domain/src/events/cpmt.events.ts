import type { DomainEvent } from './domain-event.types';

/** What the insurer asks the CPMT (occupational physician) for. */
export type CpmtPurpose = 'pre-reintegration-visit' | 'reintegration-trajectory';
/** CPMT reintegration assessment: A temporarily unfit, B definitively unfit, C not possible. */
export type CpmtAssessmentDecision = 'A' | 'B' | 'C';
/** How a reintegration trajectory at the employer ended. */
export type CpmtTrajectoryOutcome =
  'adapted-work' | 'other-work' | 'definitively-unfit' | 'no-plan-possible' | 'stopped';

/** `be.rtw.cpmt.referral.requested`: referral to the employer's occupational physician. */
export type CpmtReferralRequested = DomainEvent<
  'be.rtw.cpmt.referral.requested',
  {
    readonly referralId: string;
    readonly preventionService: { readonly enterpriseNumber: string };
    readonly employerEnterpriseNumber: string;
    readonly purpose: CpmtPurpose;
    readonly requestedOn: string;
  }
>;

/** `be.rtw.cpmt.referral.accepted`: the prevention service takes the referral. */
export type CpmtReferralAccepted = DomainEvent<
  'be.rtw.cpmt.referral.accepted',
  { readonly referralId: string; readonly acceptedOn: string }
>;

/** `be.rtw.cpmt.referral.rejected`: the prevention service declines the referral. */
export type CpmtReferralRejected = DomainEvent<
  'be.rtw.cpmt.referral.rejected',
  { readonly referralId: string; readonly rejectedOn: string; readonly reason: string }
>;

/** `be.rtw.cpmt.visit.held`: pre-reintegration visit; may lead to a trajectory request. */
export type CpmtVisitHeld = DomainEvent<
  'be.rtw.cpmt.visit.held',
  {
    readonly referralId: string;
    readonly heldOn: string;
    readonly reintegrationTrajectoryRequested: boolean;
  }
>;

/** `be.rtw.cpmt.trajectory.started`: a reintegration trajectory at the employer begins. */
export type CpmtTrajectoryStarted = DomainEvent<
  'be.rtw.cpmt.trajectory.started',
  {
    readonly referralId: string;
    readonly startedOn: string;
    readonly requestedBy: 'insured' | 'employer' | 'medical-advisor';
  }
>;

/** `be.rtw.cpmt.assessment.decided`: the CPMT's reintegration assessment. */
export type CpmtAssessmentDecided = DomainEvent<
  'be.rtw.cpmt.assessment.decided',
  {
    readonly referralId: string;
    readonly decision: CpmtAssessmentDecision;
    readonly decidedOn: string;
  }
>;

/** `be.rtw.cpmt.trajectory.ended`: the reintegration trajectory at the employer ended. */
export type CpmtTrajectoryEnded = DomainEvent<
  'be.rtw.cpmt.trajectory.ended',
  { readonly referralId: string; readonly endedOn: string; readonly outcome: CpmtTrajectoryOutcome }
>;
