import type { DataOf, EventOf } from './dossier-event.types';

/** `be.rtw.regional.referral.requested`: referral to Actiris, VDAB, Le Forem or ADG. */
export type RegionalReferralRequested = EventOf<'be.rtw.regional.referral.requested'>;
/** `be.rtw.regional.registration.acknowledged`: the service registered the insured. */
export type RegionalRegistrationAcknowledged = EventOf<'be.rtw.regional.registration.acknowledged'>;
/** `be.rtw.regional.registration.rejected`: the service declined the registration. */
export type RegionalRegistrationRejected = EventOf<'be.rtw.regional.registration.rejected'>;
/** `be.rtw.regional.insured.presented`: the insured presented at the service (Actiris: FIA). */
export type RegionalInsuredPresented = EventOf<'be.rtw.regional.insured.presented'>;
/** `be.rtw.regional.trajectory.started`: a guidance or training trajectory began. */
export type RegionalTrajectoryStarted = EventOf<'be.rtw.regional.trajectory.started'>;
/** `be.rtw.regional.trajectory.ended`: the regional trajectory ended. */
export type RegionalTrajectoryEnded = EventOf<'be.rtw.regional.trajectory.ended'>;
/** How a regional trajectory ended. */
export type RegionalTrajectoryOutcome = DataOf<'be.rtw.regional.trajectory.ended'>['outcome'];
