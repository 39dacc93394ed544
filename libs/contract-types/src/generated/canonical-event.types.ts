// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { AllowanceReducedV1Event } from './allowance-reduced-v1.contract';
import type { AllowanceReductionEndedV1Event } from './allowance-reduction-ended-v1.contract';
import type { AmiLaunchedV1Event } from './ami-launched-v1.contract';
import type { AmiResumedV1Event } from './ami-resumed-v1.contract';
import type { AmiSuspendedV1Event } from './ami-suspended-v1.contract';
import type { AmiSuspendedV2Event } from './ami-suspended-v2.contract';
import type { CapacityAssessedV1Event } from './capacity-assessed-v1.contract';
import type { ConsentGivenV1Event } from './consent-given-v1.contract';
import type { ConsentWithdrawnV1Event } from './consent-withdrawn-v1.contract';
import type { ContactHeldV1Event } from './contact-held-v1.contract';
import type { ContactMissedV1Event } from './contact-missed-v1.contract';
import type { ContactScheduledV1Event } from './contact-scheduled-v1.contract';
import type { CoordinatorReferredV1Event } from './coordinator-referred-v1.contract';
import type { CpmtAssessmentDecidedV1Event } from './cpmt-assessment-decided-v1.contract';
import type { CpmtReferralAcceptedV1Event } from './cpmt-referral-accepted-v1.contract';
import type { CpmtReferralRejectedV1Event } from './cpmt-referral-rejected-v1.contract';
import type { CpmtReferralRequestedV1Event } from './cpmt-referral-requested-v1.contract';
import type { CpmtReferralRequestedV2Event } from './cpmt-referral-requested-v2.contract';
import type { CpmtTrajectoryEndedV1Event } from './cpmt-trajectory-ended-v1.contract';
import type { CpmtTrajectoryStartedV1Event } from './cpmt-trajectory-started-v1.contract';
import type { CpmtVisitHeldV1Event } from './cpmt-visit-held-v1.contract';
import type { DeadlineDueSoonV1Event } from './deadline-due-soon-v1.contract';
import type { DeadlineMissedV1Event } from './deadline-missed-v1.contract';
import type { DeliveryFailedV1Event } from './delivery-failed-v1.contract';
import type { DeliveryFailedV2Event } from './delivery-failed-v2.contract';
import type { DeliverySucceededV1Event } from './delivery-succeeded-v1.contract';
import type { DeliverySucceededV2Event } from './delivery-succeeded-v2.contract';
import type { DossierClosedV1Event } from './dossier-closed-v1.contract';
import type { DossierOpenedV1Event } from './dossier-opened-v1.contract';
import type { DossierPurgedV1Event } from './dossier-purged-v1.contract';
import type { DossierUpdatedV1Event } from './dossier-updated-v1.contract';
import type { DossierUpdatedV2Event } from './dossier-updated-v2.contract';
import type { EventRejectedV1Event } from './event-rejected-v1.contract';
import type { ExaminationMissedV1Event } from './examination-missed-v1.contract';
import type { InamiDatasetDueV1Event } from './inami-dataset-due-v1.contract';
import type { IncapacityEndedV1Event } from './incapacity-ended-v1.contract';
import type { PartnerMessagePreparedV1Event } from './partner-message-prepared-v1.contract';
import type { PartnerMessageWithheldV1Event } from './partner-message-withheld-v1.contract';
import type { PlanDraftedV1Event } from './plan-drafted-v1.contract';
import type { PlanEvaluatedV1Event } from './plan-evaluated-v1.contract';
import type { PlanReviewedV1Event } from './plan-reviewed-v1.contract';
import type { QuestionnaireExemptedV1Event } from './questionnaire-exempted-v1.contract';
import type { QuestionnaireReturnedV1Event } from './questionnaire-returned-v1.contract';
import type { QuestionnaireSentV1Event } from './questionnaire-sent-v1.contract';
import type { RegionalInsuredPresentedV1Event } from './regional-insured-presented-v1.contract';
import type { RegionalReferralRequestedV1Event } from './regional-referral-requested-v1.contract';
import type { RegionalReferralRequestedV2Event } from './regional-referral-requested-v2.contract';
import type { RegionalRegistrationAcknowledgedV1Event } from './regional-registration-acknowledged-v1.contract';
import type { RegionalRegistrationRejectedV1Event } from './regional-registration-rejected-v1.contract';
import type { RegionalTrajectoryEndedV1Event } from './regional-trajectory-ended-v1.contract';
import type { RegionalTrajectoryStartedV1Event } from './regional-trajectory-started-v1.contract';
import type { RoutebDecidedV1Event } from './routeb-decided-v1.contract';
import type { RoutebRequestedV1Event } from './routeb-requested-v1.contract';
import type { TrajectoryClosedV1Event } from './trajectory-closed-v1.contract';
import type { WorkResumedV1Event } from './work-resumed-v1.contract';

/** Every canonical event type, sorted. */
export const EVENT_TYPES = [
  'be.rtw.allowance.reduced',
  'be.rtw.allowance.reduction.ended',
  'be.rtw.ami.launched',
  'be.rtw.ami.resumed',
  'be.rtw.ami.suspended',
  'be.rtw.capacity.assessed',
  'be.rtw.consent.given',
  'be.rtw.consent.withdrawn',
  'be.rtw.contact.held',
  'be.rtw.contact.missed',
  'be.rtw.contact.scheduled',
  'be.rtw.coordinator.referred',
  'be.rtw.cpmt.assessment.decided',
  'be.rtw.cpmt.referral.accepted',
  'be.rtw.cpmt.referral.rejected',
  'be.rtw.cpmt.referral.requested',
  'be.rtw.cpmt.trajectory.ended',
  'be.rtw.cpmt.trajectory.started',
  'be.rtw.cpmt.visit.held',
  'be.rtw.deadline.due-soon',
  'be.rtw.deadline.missed',
  'be.rtw.delivery.failed',
  'be.rtw.delivery.succeeded',
  'be.rtw.dossier.closed',
  'be.rtw.dossier.opened',
  'be.rtw.dossier.purged',
  'be.rtw.dossier.updated',
  'be.rtw.event.rejected',
  'be.rtw.examination.missed',
  'be.rtw.inami-dataset.due',
  'be.rtw.incapacity.ended',
  'be.rtw.partner-message.prepared',
  'be.rtw.partner-message.withheld',
  'be.rtw.plan.drafted',
  'be.rtw.plan.evaluated',
  'be.rtw.plan.reviewed',
  'be.rtw.questionnaire.exempted',
  'be.rtw.questionnaire.returned',
  'be.rtw.questionnaire.sent',
  'be.rtw.regional.insured.presented',
  'be.rtw.regional.referral.requested',
  'be.rtw.regional.registration.acknowledged',
  'be.rtw.regional.registration.rejected',
  'be.rtw.regional.trajectory.ended',
  'be.rtw.regional.trajectory.started',
  'be.rtw.routeb.decided',
  'be.rtw.routeb.requested',
  'be.rtw.trajectory.closed',
  'be.rtw.work.resumed',
] as const;

/** A canonical event type name. */
export type EventType = (typeof EVENT_TYPES)[number];

/** Every contract (event type and major version) with its schema id. */
export const CONTRACT_IDS = [
  { type: 'be.rtw.allowance.reduced', version: 1, id: 'urn:rtw:schema:be.rtw.allowance.reduced:v1' },
  { type: 'be.rtw.allowance.reduction.ended', version: 1, id: 'urn:rtw:schema:be.rtw.allowance.reduction.ended:v1' },
  { type: 'be.rtw.ami.launched', version: 1, id: 'urn:rtw:schema:be.rtw.ami.launched:v1' },
  { type: 'be.rtw.ami.resumed', version: 1, id: 'urn:rtw:schema:be.rtw.ami.resumed:v1' },
  { type: 'be.rtw.ami.suspended', version: 1, id: 'urn:rtw:schema:be.rtw.ami.suspended:v1' },
  { type: 'be.rtw.ami.suspended', version: 2, id: 'urn:rtw:schema:be.rtw.ami.suspended:v2' },
  { type: 'be.rtw.capacity.assessed', version: 1, id: 'urn:rtw:schema:be.rtw.capacity.assessed:v1' },
  { type: 'be.rtw.consent.given', version: 1, id: 'urn:rtw:schema:be.rtw.consent.given:v1' },
  { type: 'be.rtw.consent.withdrawn', version: 1, id: 'urn:rtw:schema:be.rtw.consent.withdrawn:v1' },
  { type: 'be.rtw.contact.held', version: 1, id: 'urn:rtw:schema:be.rtw.contact.held:v1' },
  { type: 'be.rtw.contact.missed', version: 1, id: 'urn:rtw:schema:be.rtw.contact.missed:v1' },
  { type: 'be.rtw.contact.scheduled', version: 1, id: 'urn:rtw:schema:be.rtw.contact.scheduled:v1' },
  { type: 'be.rtw.coordinator.referred', version: 1, id: 'urn:rtw:schema:be.rtw.coordinator.referred:v1' },
  { type: 'be.rtw.cpmt.assessment.decided', version: 1, id: 'urn:rtw:schema:be.rtw.cpmt.assessment.decided:v1' },
  { type: 'be.rtw.cpmt.referral.accepted', version: 1, id: 'urn:rtw:schema:be.rtw.cpmt.referral.accepted:v1' },
  { type: 'be.rtw.cpmt.referral.rejected', version: 1, id: 'urn:rtw:schema:be.rtw.cpmt.referral.rejected:v1' },
  { type: 'be.rtw.cpmt.referral.requested', version: 1, id: 'urn:rtw:schema:be.rtw.cpmt.referral.requested:v1' },
  { type: 'be.rtw.cpmt.referral.requested', version: 2, id: 'urn:rtw:schema:be.rtw.cpmt.referral.requested:v2' },
  { type: 'be.rtw.cpmt.trajectory.ended', version: 1, id: 'urn:rtw:schema:be.rtw.cpmt.trajectory.ended:v1' },
  { type: 'be.rtw.cpmt.trajectory.started', version: 1, id: 'urn:rtw:schema:be.rtw.cpmt.trajectory.started:v1' },
  { type: 'be.rtw.cpmt.visit.held', version: 1, id: 'urn:rtw:schema:be.rtw.cpmt.visit.held:v1' },
  { type: 'be.rtw.deadline.due-soon', version: 1, id: 'urn:rtw:schema:be.rtw.deadline.due-soon:v1' },
  { type: 'be.rtw.deadline.missed', version: 1, id: 'urn:rtw:schema:be.rtw.deadline.missed:v1' },
  { type: 'be.rtw.delivery.failed', version: 1, id: 'urn:rtw:schema:be.rtw.delivery.failed:v1' },
  { type: 'be.rtw.delivery.failed', version: 2, id: 'urn:rtw:schema:be.rtw.delivery.failed:v2' },
  { type: 'be.rtw.delivery.succeeded', version: 1, id: 'urn:rtw:schema:be.rtw.delivery.succeeded:v1' },
  { type: 'be.rtw.delivery.succeeded', version: 2, id: 'urn:rtw:schema:be.rtw.delivery.succeeded:v2' },
  { type: 'be.rtw.dossier.closed', version: 1, id: 'urn:rtw:schema:be.rtw.dossier.closed:v1' },
  { type: 'be.rtw.dossier.opened', version: 1, id: 'urn:rtw:schema:be.rtw.dossier.opened:v1' },
  { type: 'be.rtw.dossier.purged', version: 1, id: 'urn:rtw:schema:be.rtw.dossier.purged:v1' },
  { type: 'be.rtw.dossier.updated', version: 1, id: 'urn:rtw:schema:be.rtw.dossier.updated:v1' },
  { type: 'be.rtw.dossier.updated', version: 2, id: 'urn:rtw:schema:be.rtw.dossier.updated:v2' },
  { type: 'be.rtw.event.rejected', version: 1, id: 'urn:rtw:schema:be.rtw.event.rejected:v1' },
  { type: 'be.rtw.examination.missed', version: 1, id: 'urn:rtw:schema:be.rtw.examination.missed:v1' },
  { type: 'be.rtw.inami-dataset.due', version: 1, id: 'urn:rtw:schema:be.rtw.inami-dataset.due:v1' },
  { type: 'be.rtw.incapacity.ended', version: 1, id: 'urn:rtw:schema:be.rtw.incapacity.ended:v1' },
  { type: 'be.rtw.partner-message.prepared', version: 1, id: 'urn:rtw:schema:be.rtw.partner-message.prepared:v1' },
  { type: 'be.rtw.partner-message.withheld', version: 1, id: 'urn:rtw:schema:be.rtw.partner-message.withheld:v1' },
  { type: 'be.rtw.plan.drafted', version: 1, id: 'urn:rtw:schema:be.rtw.plan.drafted:v1' },
  { type: 'be.rtw.plan.evaluated', version: 1, id: 'urn:rtw:schema:be.rtw.plan.evaluated:v1' },
  { type: 'be.rtw.plan.reviewed', version: 1, id: 'urn:rtw:schema:be.rtw.plan.reviewed:v1' },
  { type: 'be.rtw.questionnaire.exempted', version: 1, id: 'urn:rtw:schema:be.rtw.questionnaire.exempted:v1' },
  { type: 'be.rtw.questionnaire.returned', version: 1, id: 'urn:rtw:schema:be.rtw.questionnaire.returned:v1' },
  { type: 'be.rtw.questionnaire.sent', version: 1, id: 'urn:rtw:schema:be.rtw.questionnaire.sent:v1' },
  { type: 'be.rtw.regional.insured.presented', version: 1, id: 'urn:rtw:schema:be.rtw.regional.insured.presented:v1' },
  { type: 'be.rtw.regional.referral.requested', version: 1, id: 'urn:rtw:schema:be.rtw.regional.referral.requested:v1' },
  { type: 'be.rtw.regional.referral.requested', version: 2, id: 'urn:rtw:schema:be.rtw.regional.referral.requested:v2' },
  { type: 'be.rtw.regional.registration.acknowledged', version: 1, id: 'urn:rtw:schema:be.rtw.regional.registration.acknowledged:v1' },
  { type: 'be.rtw.regional.registration.rejected', version: 1, id: 'urn:rtw:schema:be.rtw.regional.registration.rejected:v1' },
  { type: 'be.rtw.regional.trajectory.ended', version: 1, id: 'urn:rtw:schema:be.rtw.regional.trajectory.ended:v1' },
  { type: 'be.rtw.regional.trajectory.started', version: 1, id: 'urn:rtw:schema:be.rtw.regional.trajectory.started:v1' },
  { type: 'be.rtw.routeb.decided', version: 1, id: 'urn:rtw:schema:be.rtw.routeb.decided:v1' },
  { type: 'be.rtw.routeb.requested', version: 1, id: 'urn:rtw:schema:be.rtw.routeb.requested:v1' },
  { type: 'be.rtw.trajectory.closed', version: 1, id: 'urn:rtw:schema:be.rtw.trajectory.closed:v1' },
  { type: 'be.rtw.work.resumed', version: 1, id: 'urn:rtw:schema:be.rtw.work.resumed:v1' },
] as const;

/** Any valid canonical event; narrow on `type` (and `dataschema` when a type has several versions). */
export type CanonicalEvent =
  | AllowanceReducedV1Event
  | AllowanceReductionEndedV1Event
  | AmiLaunchedV1Event
  | AmiResumedV1Event
  | AmiSuspendedV1Event
  | AmiSuspendedV2Event
  | CapacityAssessedV1Event
  | ConsentGivenV1Event
  | ConsentWithdrawnV1Event
  | ContactHeldV1Event
  | ContactMissedV1Event
  | ContactScheduledV1Event
  | CoordinatorReferredV1Event
  | CpmtAssessmentDecidedV1Event
  | CpmtReferralAcceptedV1Event
  | CpmtReferralRejectedV1Event
  | CpmtReferralRequestedV1Event
  | CpmtReferralRequestedV2Event
  | CpmtTrajectoryEndedV1Event
  | CpmtTrajectoryStartedV1Event
  | CpmtVisitHeldV1Event
  | DeadlineDueSoonV1Event
  | DeadlineMissedV1Event
  | DeliveryFailedV1Event
  | DeliveryFailedV2Event
  | DeliverySucceededV1Event
  | DeliverySucceededV2Event
  | DossierClosedV1Event
  | DossierOpenedV1Event
  | DossierPurgedV1Event
  | DossierUpdatedV1Event
  | DossierUpdatedV2Event
  | EventRejectedV1Event
  | ExaminationMissedV1Event
  | InamiDatasetDueV1Event
  | IncapacityEndedV1Event
  | PartnerMessagePreparedV1Event
  | PartnerMessageWithheldV1Event
  | PlanDraftedV1Event
  | PlanEvaluatedV1Event
  | PlanReviewedV1Event
  | QuestionnaireExemptedV1Event
  | QuestionnaireReturnedV1Event
  | QuestionnaireSentV1Event
  | RegionalInsuredPresentedV1Event
  | RegionalReferralRequestedV1Event
  | RegionalReferralRequestedV2Event
  | RegionalRegistrationAcknowledgedV1Event
  | RegionalRegistrationRejectedV1Event
  | RegionalTrajectoryEndedV1Event
  | RegionalTrajectoryStartedV1Event
  | RoutebDecidedV1Event
  | RoutebRequestedV1Event
  | TrajectoryClosedV1Event
  | WorkResumedV1Event;

/** The canonical events of one type (all its versions). */
export type CanonicalEventOfType<T extends EventType> = Extract<CanonicalEvent, { type: T }>;
