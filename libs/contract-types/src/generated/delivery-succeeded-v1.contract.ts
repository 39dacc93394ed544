// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { Reference } from './common.types';

/** Delivery succeeded (hub): A partner message was delivered and acknowledged by the partner. */
export interface DeliverySucceededV1 {
  /** Partner: The receiving partner. */
  partner: 'cpmt' | 'actiris' | 'vdab' | 'forem' | 'adg' | 'inami';
  /** Message id: Id of the outbound partner message (its idempotency key). */
  messageId: Reference;
  /** Attempts: Number of delivery attempts made. */
  attempts: number;
}

/** A be.rtw.delivery.succeeded event, contract version 1. */
export interface DeliverySucceededV1Event extends CanonicalEnvelope {
  type: 'be.rtw.delivery.succeeded';
  dataschema: 'urn:rtw:schema:be.rtw.delivery.succeeded:v1';
  data: DeliverySucceededV1;
}
