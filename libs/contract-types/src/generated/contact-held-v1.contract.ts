// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** Contact moment held: A scheduled contact moment took place. */
export interface ContactHeldV1 {
  /** Contact id: Insurer reference of the contact moment. */
  contactId: Reference;
  /** Held on: Date it took place. */
  heldOn: IsoDate;
}

/** A be.rtw.contact.held event, contract version 1. */
export interface ContactHeldV1Event extends CanonicalEnvelope {
  type: 'be.rtw.contact.held';
  dataschema: 'urn:rtw:schema:be.rtw.contact.held:v1';
  data: ContactHeldV1;
}
