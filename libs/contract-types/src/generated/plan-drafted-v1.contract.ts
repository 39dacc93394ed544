// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { HumanText, IsoDate, Reference } from './common.types';

/** Reintegration plan drafted: The coordinator drew up the reintegration plan with the insured. Carries the minimum legal content. */
export interface PlanDraftedV1 {
  /** Plan id: Insurer reference of the reintegration plan. */
  planId: Reference;
  /** Drafted on: Date the plan was drawn up. */
  draftedOn: IsoDate;
  /** Objectives: Intermediate results aimed at; at least one. */
  objectives: HumanText[];
  /** Final result: The final result aimed at. Free text: may hold personal data, so connectors pass it on only where the recipient needs it. Personal data: free-text. */
  finalResult: HumanText;
  /** Actions: Concrete actions; at least one. */
  actions: Array<{
    /** Description: What will be done. Free text: may hold personal data, so connectors pass it on only where the recipient needs it. Personal data: free-text. */
    description: HumanText;
    /** Provider: Kind or name of the organisation that carries out the action. */
    provider?: HumanText;
  }>;
  /** Next follow-up on: Concrete date of the next follow-up interview. */
  nextFollowUpOn: IsoDate;
  /** Consulted: Who coordinator and médecin-conseil consulted; may be empty. */
  consulted: Array<'treating-physician' | 'therapeutic-adviser' | 'regional-service-adviser' | 'other-provider'>;
}

/** A be.rtw.plan.drafted event, contract version 1. */
export interface PlanDraftedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.plan.drafted';
  dataschema: 'urn:rtw:schema:be.rtw.plan.drafted:v1';
  data: PlanDraftedV1;
}
