// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** CPMT reintegration assessment decided: The CPMT decided the reintegration assessment (expected within 49 calendar days). */
export interface CpmtAssessmentDecidedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Decision: A temporarily unfit, adapted or other work meanwhile; B definitively unfit for the agreed work but fit for other work; C assessment not possible for medical reasons. */
  decision: 'A' | 'B' | 'C';
  /** Decided on: Date of the decision. */
  decidedOn: IsoDate;
}

/** A be.rtw.cpmt.assessment.decided event, contract version 1. */
export interface CpmtAssessmentDecidedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.cpmt.assessment.decided';
  dataschema: 'urn:rtw:schema:be.rtw.cpmt.assessment.decided:v1';
  data: CpmtAssessmentDecidedV1;
}
