// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Deadline due soon (hub): A legal deadline of the dossier is near and the expected step has not been recorded. */
export interface DeadlineDueSoonV1 {
  /** Rule id: The legal clock, e.g. questionnaire-return or first-contact. */
  ruleId: string;
  /** Due on: The deadline. */
  dueOn: IsoDate;
  /** Started by: Id of the event that started the clock. */
  startedBy: string;
}

/** A be.rtw.deadline.due-soon event, contract version 1. */
export interface DeadlineDueSoonV1Event extends CanonicalEnvelope {
  type: 'be.rtw.deadline.due-soon';
  dataschema: 'urn:rtw:schema:be.rtw.deadline.due-soon:v1';
  data: DeadlineDueSoonV1;
}
