import type {
  AmiLaunched,
  AmiResumed,
  AmiSuspended,
  PlanDrafted,
  PlanEvaluated,
  PlanReviewed,
} from './ami.events';
import type {
  CapacityAssessed,
  CoordinatorReferred,
  QuestionnaireExempted,
  QuestionnaireReturned,
  QuestionnaireSent,
  RouteBDecided,
  RouteBRequested,
} from './assessment.events';
import type { ConsentGiven, ConsentWithdrawn } from './consent.events';
import type {
  AllowanceReduced,
  ContactHeld,
  ContactMissed,
  ContactScheduled,
} from './contact.events';
import type {
  CpmtAssessmentDecided,
  CpmtReferralAccepted,
  CpmtReferralRejected,
  CpmtReferralRequested,
  CpmtTrajectoryEnded,
  CpmtTrajectoryStarted,
  CpmtVisitHeld,
} from './cpmt.events';
import type {
  DossierClosed,
  DossierOpened,
  DossierUpdated,
  IncapacityEnded,
  TrajectoryClosed,
  WorkResumed,
} from './dossier.events';
import type {
  RegionalInsuredPresented,
  RegionalReferralRequested,
  RegionalRegistrationAcknowledged,
  RegionalRegistrationRejected,
  RegionalTrajectoryEnded,
  RegionalTrajectoryStarted,
} from './regional.events';

/**
 * Every canonical event that changes a dossier, discriminated on `type`. Hub-emitted events
 * (`event.rejected`, `deadline.*`, `delivery.*`) are outputs, not inputs, and are not listed.
 */
export type DossierEvent =
  | DossierOpened
  | DossierUpdated
  | DossierClosed
  | IncapacityEnded
  | WorkResumed
  | TrajectoryClosed
  | QuestionnaireSent
  | QuestionnaireExempted
  | QuestionnaireReturned
  | CapacityAssessed
  | RouteBRequested
  | RouteBDecided
  | CoordinatorReferred
  | ContactScheduled
  | ContactHeld
  | ContactMissed
  | AllowanceReduced
  | ConsentGiven
  | ConsentWithdrawn
  | CpmtReferralRequested
  | CpmtReferralAccepted
  | CpmtReferralRejected
  | CpmtVisitHeld
  | CpmtTrajectoryStarted
  | CpmtAssessmentDecided
  | CpmtTrajectoryEnded
  | AmiLaunched
  | AmiSuspended
  | AmiResumed
  | PlanDrafted
  | PlanReviewed
  | PlanEvaluated
  | RegionalReferralRequested
  | RegionalRegistrationAcknowledged
  | RegionalRegistrationRejected
  | RegionalInsuredPresented
  | RegionalTrajectoryStarted
  | RegionalTrajectoryEnded;

/** The `type` of any dossier event. */
export type DossierEventType = DossierEvent['type'];

/** The dossier event with the given type. */
export type EventOf<TType extends DossierEventType> = Extract<DossierEvent, { type: TType }>;
