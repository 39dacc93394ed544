// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Work resumed: The insured resumed work, partly (authorised work) or fully. */
export interface WorkResumedV1 {
  /** Resumed on: First day of work. */
  resumedOn: IsoDate;
  /** Extent: Partial or full resumption. */
  extent: 'partial' | 'full';
  /** Employer: With the same employer, another employer, or as self-employed. */
  employer: 'same' | 'other' | 'self-employed';
}

/** A be.rtw.work.resumed event, contract version 1. */
export interface WorkResumedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.work.resumed';
  dataschema: 'urn:rtw:schema:be.rtw.work.resumed:v1';
  data: WorkResumedV1;
}
