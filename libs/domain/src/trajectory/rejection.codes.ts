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
  CONSENT_MISSING:
    "The referral needs the insured's consent for that recipient, not given or withdrawn.",
  NO_EMPLOYMENT_CONTRACT: 'A CPMT referral needs an employment contract.',
  CATEGORY_NOT_REFERABLE:
    'Capacity category 2 (return not possible for medical reasons) is not referred.',
  REFERRAL_ALREADY_EXISTS: 'A referral with this id already exists in the dossier.',
  UNKNOWN_REFERRAL: 'The partner answer names a referral id the dossier does not have.',
  ROUTE_B_NOT_REQUESTED: 'A route-B decision needs a prior request by the insured.',
  UNKNOWN_CONTACT: 'The contact moment was never scheduled.',
  AMI_ALREADY_LAUNCHED: 'An AMI trajectory is already launched for this dossier.',
  AMI_CASE_INCONSISTENT: 'The AMI launch case does not match the contract and CPMT history.',
  ENGAGEMENT_DECLARATION_INCOMPLETE:
    'The engagement declaration lacks a signature date of coordinator, médecin-conseil or insured.',
  AMI_NOT_LAUNCHED: 'Only a running (launched, not suspended) AMI trajectory can be suspended.',
  AMI_NOT_SUSPENDED: 'Only a suspended AMI trajectory can be resumed.',
  PLAN_WITHOUT_AMI: 'A reintegration plan needs a launched AMI trajectory.',
  UNKNOWN_PLAN: 'The plan id was never drafted in this dossier.',
} as const;

/** A stable reason code for a rejected event (sent back in `be.rtw.event.rejected`). */
export type RejectionCode = keyof typeof REJECTION_CODES;
