import type {
  CpmtAssessmentDecidedV1,
  CpmtReferralAcceptedV1,
  CpmtReferralRejectedV1,
  CpmtTrajectoryEndedV1,
  CpmtTrajectoryStartedV1,
  CpmtVisitHeldV1,
  RegionalInsuredPresentedV1,
  RegionalRegistrationAcknowledgedV1,
  RegionalRegistrationRejectedV1,
  RegionalTrajectoryEndedV1,
  RegionalTrajectoryStartedV1,
} from '@rtw/contracts';
import type { PartnerCode } from '../registry/partner-contracts.data';

/** The canonical events a regional service's answers become, with their data. */
export interface RegionalAnswerData {
  'be.rtw.regional.registration.acknowledged': RegionalRegistrationAcknowledgedV1;
  'be.rtw.regional.registration.rejected': RegionalRegistrationRejectedV1;
  'be.rtw.regional.insured.presented': RegionalInsuredPresentedV1;
  'be.rtw.regional.trajectory.started': RegionalTrajectoryStartedV1;
  'be.rtw.regional.trajectory.ended': RegionalTrajectoryEndedV1;
}

/** The canonical events a CPMT's answers become, with their data. */
export interface CpmtAnswerData {
  'be.rtw.cpmt.referral.accepted': CpmtReferralAcceptedV1;
  'be.rtw.cpmt.referral.rejected': CpmtReferralRejectedV1;
  'be.rtw.cpmt.visit.held': CpmtVisitHeldV1;
  'be.rtw.cpmt.trajectory.started': CpmtTrajectoryStartedV1;
  'be.rtw.cpmt.assessment.decided': CpmtAssessmentDecidedV1;
  'be.rtw.cpmt.trajectory.ended': CpmtTrajectoryEndedV1;
}

/** Every canonical event a partner answer can become, by type. */
export type CanonicalAnswerData = RegionalAnswerData & CpmtAnswerData;
/** A canonical event type a partner answer can become. */
export type CanonicalAnswerType = keyof CanonicalAnswerData;
/** The regional answer event types. */
export type RegionalAnswerType = keyof RegionalAnswerData;
/** The CPMT answer event types. */
export type CpmtAnswerType = keyof CpmtAnswerData;

/** A canonical answer event: type, contract id (`dataschema`) and data. */
export type CanonicalAnswerEvent = {
  [T in CanonicalAnswerType]: {
    readonly type: T;
    readonly dataschema: `urn:rtw:schema:${T}:v1`;
    readonly data: CanonicalAnswerData[T];
  };
}[CanonicalAnswerType];

/**
 * A partner answer in canonical words: which partner message it is (the partner's id, the
 * idempotency key of the inbound event), when it was sent, which dossier and referral it is
 * about, and the canonical event it becomes.
 */
export interface PartnerAnswer {
  readonly answerId: string;
  readonly sentAt: string;
  readonly dossierId: string;
  readonly referralId: string;
  readonly event: CanonicalAnswerEvent;
}

/** A partner answer read from a received document. */
export interface TranslatedAnswer extends PartnerAnswer {
  readonly partner: PartnerCode;
}
