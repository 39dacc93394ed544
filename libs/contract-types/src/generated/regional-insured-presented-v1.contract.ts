// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** Insured presented at regional service: The insured presented at the regional service (for Actiris: within 3 months of receiving the FIA). */
export interface RegionalInsuredPresentedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Presented on: Date of presentation. */
  presentedOn: IsoDate;
}

/** A be.rtw.regional.insured.presented event, contract version 1. */
export interface RegionalInsuredPresentedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.regional.insured.presented';
  dataschema: 'urn:rtw:schema:be.rtw.regional.insured.presented:v1';
  data: RegionalInsuredPresentedV1;
}
