// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Questionnaire sent: The insurer sent the questionnaire (first day of week 11 of incapacity). */
export interface QuestionnaireSentV1 {
  /** Sent on: Date the questionnaire was sent. */
  sentOn: IsoDate;
  /** Due on: Date by which it must be returned: sent on + 14 days. */
  dueOn: IsoDate;
}

/** A be.rtw.questionnaire.sent event, contract version 1. */
export interface QuestionnaireSentV1Event extends CanonicalEnvelope {
  type: 'be.rtw.questionnaire.sent';
  dataschema: 'urn:rtw:schema:be.rtw.questionnaire.sent:v1';
  data: QuestionnaireSentV1;
}
