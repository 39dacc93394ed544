// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** Contact moment missed: The insured did not attend a scheduled contact moment. */
export interface ContactMissedV1 {
  /** Contact id: Insurer reference of the contact moment. */
  contactId: Reference;
  /** Missed on: Date of the missed contact moment. */
  missedOn: IsoDate;
  /** Justified: False for an unjustified absence, which can lead to an allowance reduction. */
  justified: boolean;
}

/** A be.rtw.contact.missed event, contract version 1. */
export interface ContactMissedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.contact.missed';
  dataschema: 'urn:rtw:schema:be.rtw.contact.missed:v1';
  data: ContactMissedV1;
}
