// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Allowance reduction ended: The reduction of the daily allowance that followed an unjustified absence ends. */
export interface AllowanceReductionEndedV1 {
  /** Ended on: First day on which the allowance is paid without the reduction again; the reduction's effectiveFrom when it is annulled altogether. */
  endedOn: IsoDate;
  /** Reason: Why the reduction ends: the insured attended a later examination or contact moment, a justification of the absence was accepted afterwards, the reduction was annulled as a mistake, the incapacity ended, or another reason. */
  reason: 'insured-attended' | 'absence-justified' | 'annulled' | 'incapacity-ended' | 'other';
}

/** A be.rtw.allowance.reduction.ended event, contract version 1. */
export interface AllowanceReductionEndedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.allowance.reduction.ended';
  dataschema: 'urn:rtw:schema:be.rtw.allowance.reduction.ended:v1';
  data: AllowanceReductionEndedV1;
}
