// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** CPMT referral rejected: The prevention service rejected the referral. */
export interface CpmtReferralRejectedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Rejected on: Date of rejection. */
  rejectedOn: IsoDate;
  /** Reason: Why the referral was rejected. */
  reason: 'unknown-employer' | 'not-competent' | 'incomplete-request' | 'duplicate' | 'other';
}

/** A be.rtw.cpmt.referral.rejected event, contract version 1. */
export interface CpmtReferralRejectedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.cpmt.referral.rejected';
  dataschema: 'urn:rtw:schema:be.rtw.cpmt.referral.rejected:v1';
  data: CpmtReferralRejectedV1;
}
