// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** Reintegration plan evaluated: The plan was evaluated and the evaluation recorded in the dossier. */
export interface PlanEvaluatedV1 {
  /** Plan id: Insurer reference of the reintegration plan. */
  planId: Reference;
  /** Evaluated on: Date of the evaluation. */
  evaluatedOn: IsoDate;
  /** Result: Whether the final result was achieved. */
  result: 'achieved' | 'partly-achieved' | 'not-achieved';
}

/** A be.rtw.plan.evaluated event, contract version 1. */
export interface PlanEvaluatedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.plan.evaluated';
  dataschema: 'urn:rtw:schema:be.rtw.plan.evaluated:v1';
  data: PlanEvaluatedV1;
}
