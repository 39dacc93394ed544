// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Questionnaire exempted: No questionnaire is sent because one of the legal exemptions applies. */
export interface QuestionnaireExemptedV1 {
  /** Reason: The legal exemption that applies. */
  reason: 'medical' | 'cpmt-trajectory-running' | 'authorised-work' | 'trat-at-own-request' | 'near-pension-age';
  /** Decided on: Date of the exemption decision. */
  decidedOn: IsoDate;
}

/** A be.rtw.questionnaire.exempted event, contract version 1. */
export interface QuestionnaireExemptedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.questionnaire.exempted';
  dataschema: 'urn:rtw:schema:be.rtw.questionnaire.exempted:v1';
  data: QuestionnaireExemptedV1;
}
