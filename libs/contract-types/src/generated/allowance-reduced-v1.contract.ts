// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Allowance reduced: The daily allowance is reduced after an unjustified absence (incapacities starting on or after 1 January 2023). */
export interface AllowanceReducedV1 {
  /** Rate: Reduction in percent of the daily allowance: 2.5, at most 2.5 for the self-employed. */
  rate: number;
  /** Effective from: First day the reduction applies. */
  effectiveFrom: IsoDate;
  /** Cause: The absence that caused the reduction. */
  cause: 'unjustified-absence-examination' | 'unjustified-absence-first-contact';
}

/** A be.rtw.allowance.reduced event, contract version 1. */
export interface AllowanceReducedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.allowance.reduced';
  dataschema: 'urn:rtw:schema:be.rtw.allowance.reduced:v1';
  data: AllowanceReducedV1;
}
