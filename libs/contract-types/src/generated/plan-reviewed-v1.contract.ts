// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { HumanText, IsoDate, Reference } from './common.types';

/** Reintegration plan reviewed: A follow-up of the plan took place (in principle every 3 months). */
export interface PlanReviewedV1 {
  /** Plan id: Insurer reference of the reintegration plan. */
  planId: Reference;
  /** Reviewed on: Date of the follow-up. */
  reviewedOn: IsoDate;
  /** Next follow-up on: Date of the next follow-up interview. */
  nextFollowUpOn: IsoDate;
  /** Changes: Summary of changes to the plan. Free text: may hold personal data, so connectors pass it on only where the recipient needs it. Personal data: free-text. */
  changes?: HumanText;
}

/** A be.rtw.plan.reviewed event, contract version 1. */
export interface PlanReviewedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.plan.reviewed';
  dataschema: 'urn:rtw:schema:be.rtw.plan.reviewed:v1';
  data: PlanReviewedV1;
}
