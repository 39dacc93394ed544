// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Referred to coordinator: The médecin-conseil referred the insured to the return-to-work coordinator (route A). Starts the one-month clock for the first contact moment. */
export interface CoordinatorReferredV1 {
  /** Referred on: Date of the referral. */
  referredOn: IsoDate;
}

/** A be.rtw.coordinator.referred event, contract version 1. */
export interface CoordinatorReferredV1Event extends CanonicalEnvelope {
  type: 'be.rtw.coordinator.referred';
  dataschema: 'urn:rtw:schema:be.rtw.coordinator.referred:v1';
  data: CoordinatorReferredV1;
}
