import type { DataOf, EventOf } from './dossier-event.types';

/** What the insurer asks the CPMT (occupational physician) for. */
export type CpmtPurpose = DataOf<'be.rtw.cpmt.referral.requested'>['purpose'];
/** CPMT reintegration assessment: A temporarily unfit, B definitively unfit, C not possible. */
export type CpmtAssessmentDecision = DataOf<'be.rtw.cpmt.assessment.decided'>['decision'];
/** How a reintegration trajectory at the employer ended. */
export type CpmtTrajectoryOutcome = DataOf<'be.rtw.cpmt.trajectory.ended'>['outcome'];
/** Who asked for the reintegration trajectory at the employer. */
export type CpmtTrajectoryRequester = DataOf<'be.rtw.cpmt.trajectory.started'>['requestedBy'];

/** `be.rtw.cpmt.referral.requested`: referral to the employer's occupational physician. */
export type CpmtReferralRequested = EventOf<'be.rtw.cpmt.referral.requested'>;
/** `be.rtw.cpmt.referral.accepted`: the prevention service takes the referral. */
export type CpmtReferralAccepted = EventOf<'be.rtw.cpmt.referral.accepted'>;
/** `be.rtw.cpmt.referral.rejected`: the prevention service declines the referral. */
export type CpmtReferralRejected = EventOf<'be.rtw.cpmt.referral.rejected'>;
/** `be.rtw.cpmt.visit.held`: pre-reintegration visit; may lead to a trajectory request. */
export type CpmtVisitHeld = EventOf<'be.rtw.cpmt.visit.held'>;
/** `be.rtw.cpmt.trajectory.started`: a reintegration trajectory at the employer begins. */
export type CpmtTrajectoryStarted = EventOf<'be.rtw.cpmt.trajectory.started'>;
/** `be.rtw.cpmt.assessment.decided`: the CPMT's reintegration assessment. */
export type CpmtAssessmentDecided = EventOf<'be.rtw.cpmt.assessment.decided'>;
/** `be.rtw.cpmt.trajectory.ended`: the reintegration trajectory at the employer ended. */
export type CpmtTrajectoryEnded = EventOf<'be.rtw.cpmt.trajectory.ended'>;
