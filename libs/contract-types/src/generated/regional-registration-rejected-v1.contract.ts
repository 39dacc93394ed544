// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** Regional registration rejected: The regional service rejected the referral. */
export interface RegionalRegistrationRejectedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Reason: Why the referral was rejected. */
  reason: 'not-competent' | 'incomplete-form' | 'duplicate' | 'other';
  /** Rejected on: Date of rejection. */
  rejectedOn: IsoDate;
}

/** A be.rtw.regional.registration.rejected event, contract version 1. */
export interface RegionalRegistrationRejectedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.regional.registration.rejected';
  dataschema: 'urn:rtw:schema:be.rtw.regional.registration.rejected:v1';
  data: RegionalRegistrationRejectedV1;
}
