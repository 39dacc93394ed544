// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** Contact moment scheduled: The coordinator scheduled a contact moment with the insured. */
export interface ContactScheduledV1 {
  /** Contact id: Insurer reference of the contact moment. */
  contactId: Reference;
  /** Scheduled on: Date of the contact moment. */
  scheduledOn: IsoDate;
  /** Kind: First contact, follow-up, or plan interview. */
  kind: 'first' | 'follow-up' | 'plan';
  /** Mode: How the contact takes place. */
  mode: 'in-person' | 'phone' | 'video';
}

/** A be.rtw.contact.scheduled event, contract version 1. */
export interface ContactScheduledV1Event extends CanonicalEnvelope {
  type: 'be.rtw.contact.scheduled';
  dataschema: 'urn:rtw:schema:be.rtw.contact.scheduled:v1';
  data: ContactScheduledV1;
}
