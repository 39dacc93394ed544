// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** Regional registration acknowledged: The regional service acknowledged the referral and registered it. */
export interface RegionalRegistrationAcknowledgedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Service reference: The regional service's own reference for the registration. */
  serviceReference: Reference;
  /** Acknowledged on: Date of acknowledgement. */
  acknowledgedOn: IsoDate;
}

/** A be.rtw.regional.registration.acknowledged event, contract version 1. */
export interface RegionalRegistrationAcknowledgedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.regional.registration.acknowledged';
  dataschema: 'urn:rtw:schema:be.rtw.regional.registration.acknowledged:v1';
  data: RegionalRegistrationAcknowledgedV1;
}
