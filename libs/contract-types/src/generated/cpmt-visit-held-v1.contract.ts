// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** CPMT pre-reintegration visit held: The CPMT held the pre-reintegration visit. */
export interface CpmtVisitHeldV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Held on: Date of the visit. */
  heldOn: IsoDate;
  /** Reintegration trajectory requested: True when the insured asked the CPMT for a reintegration trajectory at the employer after the visit. */
  reintegrationTrajectoryRequested: boolean;
}

/** A be.rtw.cpmt.visit.held event, contract version 1. */
export interface CpmtVisitHeldV1Event extends CanonicalEnvelope {
  type: 'be.rtw.cpmt.visit.held';
  dataschema: 'urn:rtw:schema:be.rtw.cpmt.visit.held:v1';
  data: CpmtVisitHeldV1;
}
