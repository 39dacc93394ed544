// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** CPMT referral accepted: The prevention service accepted the referral. */
export interface CpmtReferralAcceptedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Accepted on: Date of acceptance. */
  acceptedOn: IsoDate;
}

/** A be.rtw.cpmt.referral.accepted event, contract version 1. */
export interface CpmtReferralAcceptedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.cpmt.referral.accepted';
  dataschema: 'urn:rtw:schema:be.rtw.cpmt.referral.accepted:v1';
  data: CpmtReferralAcceptedV1;
}
