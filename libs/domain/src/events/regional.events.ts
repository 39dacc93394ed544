import type { RegionalServiceId } from '../reference-data/regional-services/regional-service.types';
import type { DomainEvent } from './domain-event.types';

/** `be.rtw.regional.referral.requested`: referral to Actiris, VDAB, Le Forem or ADG. */
export type RegionalReferralRequested = DomainEvent<
  'be.rtw.regional.referral.requested',
  {
    readonly referralId: string;
    readonly service: RegionalServiceId;
    readonly purpose: 'registration' | 'orientation' | 'training' | 'job-search-support';
    readonly requestedOn: string;
  }
>;

/** `be.rtw.regional.registration.acknowledged`: the service registered the insured. */
export type RegionalRegistrationAcknowledged = DomainEvent<
  'be.rtw.regional.registration.acknowledged',
  {
    readonly referralId: string;
    readonly serviceReference: string;
    readonly acknowledgedOn: string;
  }
>;

/** `be.rtw.regional.registration.rejected`: the service declined the registration. */
export type RegionalRegistrationRejected = DomainEvent<
  'be.rtw.regional.registration.rejected',
  { readonly referralId: string; readonly reason: string; readonly rejectedOn: string }
>;

/** `be.rtw.regional.insured.presented`: the insured presented at the service (Actiris: FIA). */
export type RegionalInsuredPresented = DomainEvent<
  'be.rtw.regional.insured.presented',
  { readonly referralId: string; readonly presentedOn: string }
>;

/** `be.rtw.regional.trajectory.started`: a guidance or training trajectory began. */
export type RegionalTrajectoryStarted = DomainEvent<
  'be.rtw.regional.trajectory.started',
  { readonly referralId: string; readonly startedOn: string }
>;

/** `be.rtw.regional.trajectory.ended`: the regional trajectory ended. */
export type RegionalTrajectoryEnded = DomainEvent<
  'be.rtw.regional.trajectory.ended',
  {
    readonly referralId: string;
    readonly endedOn: string;
    readonly outcome: 'employed' | 'training-completed' | 'stopped' | 'referred-back';
  }
>;
