// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { EnterpriseNumber, HumanText, IsoDate, Reference } from './common.types';

/** CPMT referral requested: The coordinator refers the insured, with consent, to the occupational physician (CPMT) of the employer's prevention service. */
export interface CpmtReferralRequestedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Prevention service: The internal or external prevention service of the employer. */
  preventionService: {
    /** Enterprise number: Enterprise number of the prevention service. */
    enterpriseNumber: EnterpriseNumber;
    /** Name: Name of the prevention service (an organisation). */
    name: HumanText;
  };
  /** Employer: Enterprise number of the employer. */
  employerEnterpriseNumber: EnterpriseNumber;
  /** Purpose: Pre-reintegration visit or reintegration trajectory at the employer. */
  purpose: 'pre-reintegration-visit' | 'reintegration-trajectory';
  /** Requested on: Date of the referral. */
  requestedOn: IsoDate;
}

/** A be.rtw.cpmt.referral.requested event, contract version 1. */
export interface CpmtReferralRequestedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.cpmt.referral.requested';
  dataschema: 'urn:rtw:schema:be.rtw.cpmt.referral.requested:v1';
  data: CpmtReferralRequestedV1;
}
