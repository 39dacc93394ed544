// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** Medical examination missed: The insured did not attend a medical examination to which the médecin-conseil (or the multidisciplinary team) invited them. An unjustified absence can lead to an allowance reduction for incapacities starting on or after 1 January 2023. */
export interface ExaminationMissedV1 {
  /** Examination id: Insurer reference of the examination. */
  examinationId: Reference;
  /** Missed on: Date of the missed examination. */
  missedOn: IsoDate;
  /** Justified: False for an unjustified absence, which can lead to an allowance reduction. */
  justified: boolean;
}

/** A be.rtw.examination.missed event, contract version 1. */
export interface ExaminationMissedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.examination.missed';
  dataschema: 'urn:rtw:schema:be.rtw.examination.missed:v1';
  data: ExaminationMissedV1;
}
