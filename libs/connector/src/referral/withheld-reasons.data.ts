/**
 * Why a connector did not send the message a referral asked for, told to the insurer in
 * `be.rtw.partner-message.withheld` (`reasonCode`). Codes are API: never rename one.
 */
export const WITHHELD_REASONS = [
  'DOSSIER_UNKNOWN',
  'NOT_COMPETENT',
  'NO_EMPLOYMENT_CONTRACT',
  'PREVENTION_SERVICE_UNKNOWN',
  'PREVENTION_SERVICE_NOT_FOR_EMPLOYER',
  'CONSENT_MISSING',
  'CONSENT_WITHDRAWN',
  'DATA_PROCESSING_WITHDRAWN',
  'NOT_LINKED',
  'MESSAGE_REFUSED',
] as const;

/** One of {@link WITHHELD_REASONS}. */
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

/** What the notice may say besides the reason: names of organisations and places in a contract. */
export interface WithheldFacts {
  /** The partner's name, e.g. "Actiris", and its form, e.g. "FIA". */
  readonly partnerName: string;
  readonly form: string;
  /** The regional service competent for the residence, when another one was named. */
  readonly competent?: string;
  /** Where the partner contract refused the message (a JSON pointer into the form). */
  readonly pointer?: string;
}

/**
 * The plain-words message per reason. Fixed sentences filled with organisation names and contract
 * places only, so a notice can never carry a name, a NISS or an address.
 */
const MESSAGES: Readonly<Record<WithheldReason, (facts: WithheldFacts) => string>> = {
  DOSSIER_UNKNOWN: (f) =>
    `The hub has no copy of the dossier for ${f.partnerName} (its opening was never received by the connector), so the ${f.form} was not built.`,
  NOT_COMPETENT: (f) =>
    `${f.partnerName} is not the regional service competent for the insured's residence (${f.competent ?? 'no Belgian service'} is); the ${f.form} was not sent.`,
  NO_EMPLOYMENT_CONTRACT: (f) =>
    `The dossier records no employment contract; a referral to the CPMT needs one, so the ${f.form} was not sent.`,
  PREVENTION_SERVICE_UNKNOWN: (f) =>
    `The prevention service named in the referral is not in the hub's directory; the ${f.form} was not sent. Check its enterprise number.`,
  PREVENTION_SERVICE_NOT_FOR_EMPLOYER: (f) =>
    `The prevention service named in the referral is the internal service of another employer; the ${f.form} was not sent.`,
  CONSENT_MISSING: (f) =>
    `The insured has not consented to exchanges with ${f.partnerName}; the ${f.form} was not sent.`,
  CONSENT_WITHDRAWN: (f) =>
    `The insured withdrew the consent to exchanges with ${f.partnerName}; the ${f.form} was not sent.`,
  DATA_PROCESSING_WITHDRAWN: (f) =>
    `The insured withdrew the consent to the processing of the dossier; the ${f.form} was not sent to ${f.partnerName}.`,
  NOT_LINKED: (f) =>
    `The referral to ${f.partnerName} is no longer current (rejected, ended or closed); the ${f.form} was not sent.`,
  MESSAGE_REFUSED: (f) =>
    `The ${f.form} contract of ${f.partnerName} refused the message${f.pointer ? ` at ${f.pointer}` : ''}; it was not sent. Complete the dossier or the referral and refer again.`,
};

/** The notice's message for a reason (at most 500 characters, like the contract allows). */
export function withheldMessage(reason: WithheldReason, facts: WithheldFacts): string {
  return MESSAGES[reason](facts).slice(0, 500);
}
