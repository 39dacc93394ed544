// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Deadline missed (hub): A legal deadline of the dossier passed without the expected step. */
export interface DeadlineMissedV1 {
  /** Rule id: The legal clock, e.g. questionnaire-return or first-contact. */
  ruleId: string;
  /** Due on: The deadline. */
  dueOn: IsoDate;
  /** Started by: Id of the event that started the clock. */
  startedBy: string;
}

/** A be.rtw.deadline.missed event, contract version 1. */
export interface DeadlineMissedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.deadline.missed';
  dataschema: 'urn:rtw:schema:be.rtw.deadline.missed:v1';
  data: DeadlineMissedV1;
}
