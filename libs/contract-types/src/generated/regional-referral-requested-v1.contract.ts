// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** Regional service referral requested: The coordinator refers the insured to the regional employment and training service competent for the residence (Actiris FIA, VDAB AMF, Le Forem FIF, ADG IFA). */
export interface RegionalReferralRequestedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Service: The regional service. */
  service: 'actiris' | 'vdab' | 'forem' | 'adg';
  /** Disability partner: Specialised partner involved (GTB with VDAB, AViQ with Le Forem), or none. */
  disabilityPartner?: 'gtb' | 'aviq' | 'none';
  /** Purpose: What the referral asks for. */
  purpose: 'registration' | 'orientation' | 'training' | 'job-search-support';
  /** Requested on: Date of the referral. */
  requestedOn: IsoDate;
}

/** A be.rtw.regional.referral.requested event, contract version 1. */
export interface RegionalReferralRequestedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.regional.referral.requested';
  dataschema: 'urn:rtw:schema:be.rtw.regional.referral.requested:v1';
  data: RegionalReferralRequestedV1;
}
