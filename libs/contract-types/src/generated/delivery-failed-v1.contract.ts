// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { Reference } from './common.types';

/** Delivery failed (hub): A partner message could not be delivered and went to the dead-letter topic. */
export interface DeliveryFailedV1 {
  /** Partner: The receiving partner. */
  partner: 'cpmt' | 'actiris' | 'vdab' | 'forem' | 'adg' | 'inami';
  /** Message id: Id of the outbound partner message (its idempotency key). */
  messageId: Reference;
  /** Attempts: Number of delivery attempts made. */
  attempts: number;
  /** Reason code: Stable reason, e.g. PARTNER_REJECTED or RETRIES_EXHAUSTED. */
  reasonCode: string;
}

/** A be.rtw.delivery.failed event, contract version 1. */
export interface DeliveryFailedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.delivery.failed';
  dataschema: 'urn:rtw:schema:be.rtw.delivery.failed:v1';
  data: DeliveryFailedV1;
}
