// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Questionnaire returned: The insured returned the questionnaire. */
export interface QuestionnaireReturnedV1 {
  /** Received on: Date the insurer received it. */
  receivedOn: IsoDate;
  /** Complete: False when incomplete: the coordinator then contacts the insured to help. */
  complete: boolean;
  /** Return to work requested: True when the insured asks for a trajectory on their own initiative (route B). */
  returnToWorkRequested: boolean;
}

/** A be.rtw.questionnaire.returned event, contract version 1. */
export interface QuestionnaireReturnedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.questionnaire.returned';
  dataschema: 'urn:rtw:schema:be.rtw.questionnaire.returned:v1';
  data: QuestionnaireReturnedV1;
}
