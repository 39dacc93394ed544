/** Every reason the decider can give for rejecting an event, with what it means. */
export const REJECTION_CODES = {
  EVENT_TYPE_UNSUPPORTED: 'The event type is not one the dossier state machine consumes.',
  EVENT_DATA_INVALID: 'A value is outside its domain (e.g. capacity category not 1-4).',
  DOSSIER_NOT_OPEN: 'The dossier has not been opened yet; be.rtw.dossier.opened must come first.',
  DOSSIER_ALREADY_OPEN: 'The dossier is already open; it cannot be opened twice.',
  DOSSIER_CLOSED: 'The dossier is closed; only be.rtw.incapacity.ended may still follow.',
  INSURER_MISMATCH: "The event's insurer is not the insurer that owns the dossier.",
  INSURER_UNKNOWN:
    'The insurer code is unknown or belongs to an insurer that runs no trajectories.',
  NISS_INVALID: "The insured's NISS or BIS number fails format, date or check-digit validation.",
  ENTERPRISE_NUMBER_INVALID: 'An enterprise number in the referral fails its mod-97 check.',
  DATE_BEFORE_INCAPACITY_START: 'The step is dated before the incapacity for work started.',
  DATE_BEFORE_PRECEDING_STEP:
    'The step is dated before the step it follows (e.g. a contact held before its date, an answer before the referral).',
  CONSENT_MISSING:
    "The referral needs the insured's consent for that recipient, not given or withdrawn.",
  DATA_PROCESSING_CONSENT_WITHDRAWN:
    'The insured withdrew the consent to the processing of the dossier: no referral may follow.',
  NO_EMPLOYMENT_CONTRACT: 'A CPMT referral needs an employment contract.',
  CAPACITY_NOT_ASSESSED: 'A referral to the coordinator needs an estimate of remaining capacities.',
  CATEGORY_NOT_REFERABLE:
    'Capacity category 2 (return not possible for medical reasons) is not referred.',
  CATEGORY_NOT_YET_REFERABLE:
    'Categories 1 and 3 are referred to the coordinator only after a re-estimate; category 4 first.',
  TRAJECTORY_NOT_STARTED:
    'A referral to a partner needs a started trajectory: route A referral or accepted route B.',
  REGIONAL_SERVICE_NOT_COMPETENT:
    "The regional service is not the one competent for the insured's residence.",
  DISABILITY_PARTNER_MISMATCH: 'The disability partner named is not the regional service’s own.',
  REFERRAL_ALREADY_EXISTS: 'A referral with this id already exists in the dossier.',
  UNKNOWN_REFERRAL: 'The partner answer names a referral id the dossier does not have.',
  REFERRAL_ANSWER_OUT_OF_ORDER:
    "The partner's answer does not follow from the referral's state (e.g. presented before acknowledged).",
  QUESTIONNAIRE_NOT_SENT: 'A questionnaire is returned only after it was sent.',
  ROUTE_B_NOT_REQUESTED: 'A route-B decision needs a pending request by the insured.',
  UNKNOWN_CONTACT: 'The contact moment was never scheduled.',
  CONTACT_ALREADY_RECORDED: 'The contact moment was already recorded as held or missed.',
  REDUCTION_WITHOUT_ABSENCE:
    'An allowance reduction needs an unjustified absence of its cause (examination or first contact).',
  REDUCTION_RATE_NOT_ALLOWED:
    'The reduction rate is not the one the scheme allows (2.5 %; self-employed at most 2.5 %).',
  REDUCTION_NOT_APPLICABLE:
    'Allowance reductions apply only to incapacities that started on or after 1 January 2023.',
  REDUCTION_ALREADY_RUNNING: 'An allowance reduction is already running for this dossier.',
  REDUCTION_NOT_RUNNING: 'No allowance reduction is running that could end.',
  AMI_ALREADY_LAUNCHED: 'An AMI trajectory is already launched for this dossier.',
  AMI_CASE_INCONSISTENT: 'The AMI launch case does not match the contract and CPMT history.',
  AMI_WITHOUT_CONTACT: 'The AMI trajectory is launched only after a contact moment was held.',
  ENGAGEMENT_DECLARATION_INCOMPLETE:
    'The engagement declaration lacks a signature date of coordinator, médecin-conseil or insured.',
  ENGAGEMENT_SIGNED_AFTER_LAUNCH:
    'A signature of the engagement declaration is dated after the AMI launch.',
  AMI_NOT_LAUNCHED: 'Only a running (launched, not suspended) AMI trajectory can be suspended.',
  AMI_NOT_SUSPENDED: 'Only a suspended AMI trajectory can be resumed.',
  AMI_SUSPENSION_NOT_ALLOWED:
    'A suspension for a CPMT trajectory at the employer’s request applies only to launch cases 2 and 3.',
  PLAN_WITHOUT_AMI: 'A reintegration plan needs a launched AMI trajectory.',
  PLAN_ALREADY_DRAFTED: 'A plan with this id was already drafted; follow it up with a review.',
  UNKNOWN_PLAN: 'The plan id was never drafted in this dossier.',
  PLAN_ALREADY_EVALUATED: 'The plan was evaluated; it takes no further review or evaluation.',
  FOLLOW_UP_BEFORE_PLAN_DATE:
    "The plan's next follow-up is dated before the drafting or review that sets it.",
} as const;

/** A stable reason code for a rejected event (sent back in `be.rtw.event.rejected`). */
export type RejectionCode = keyof typeof REJECTION_CODES;
