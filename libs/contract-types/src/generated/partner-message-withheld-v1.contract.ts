// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { Reference } from './common.types';

/** Partner message withheld (hub): A connector did not send the message an accepted referral asked for, and tells the dossier's insurer why on rtw.notify.<insurer>.v1: the partner is not competent for the insured's residence, the consent for its scope is missing or was withdrawn meanwhile, the referral's link ended, the prevention service is unknown, there is no employment contract, or the partner contract refused the message. The event id is derived from the causing event, so a notice sent twice carries the same id. */
export interface PartnerMessageWithheldV1 {
  /** Partner: The partner family the message was meant for. */
  partner: 'cpmt' | 'actiris' | 'vdab' | 'forem' | 'adg' | 'inami';
  /** Organisation: The organisation the referral named: a prevention service (by enterprise number) or a regional service id. */
  organisation: {
    /** Kind: cpmt (a prevention service), regional (Actiris, VDAB, Le Forem, ADG) or inami. */
    kind: 'cpmt' | 'regional' | 'inami';
    /** Code: Enterprise number of the prevention service, regional service id (actiris, vdab, forem, adg) or inami. */
    code: string;
  };
  /** Referral id: The referral whose message was withheld. */
  referralId: Reference;
  /** Reason code: Stable machine-readable reason: DOSSIER_UNKNOWN, NOT_COMPETENT, NO_EMPLOYMENT_CONTRACT, PREVENTION_SERVICE_UNKNOWN, PREVENTION_SERVICE_NOT_FOR_EMPLOYER, CONSENT_MISSING, CONSENT_WITHDRAWN, DATA_PROCESSING_WITHDRAWN, NOT_LINKED or MESSAGE_REFUSED (apps/*-connector/README.md). */
  reasonCode: string;
  /** Message: Plain-words explanation; never repeats personal data. */
  message: string;
  /** Causation id: Id of the accepted dossier event (the referral) whose message was withheld. */
  causationId: string;
}

/** A be.rtw.partner-message.withheld event, contract version 1. */
export interface PartnerMessageWithheldV1Event extends CanonicalEnvelope {
  type: 'be.rtw.partner-message.withheld';
  dataschema: 'urn:rtw:schema:be.rtw.partner-message.withheld:v1';
  data: PartnerMessageWithheldV1;
}
