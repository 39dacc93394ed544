// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDateTime, Reference } from './common.types';

/** Delivery succeeded (hub): A partner message was delivered and acknowledged (2xx) by the receiving organisation. */
export interface DeliverySucceededV2 {
  /** Partner: The receiving partner. */
  partner: 'cpmt' | 'actiris' | 'vdab' | 'forem' | 'adg' | 'inami';
  /** Message id: Id of the outbound partner message (its idempotency key). */
  messageId: Reference;
  /** Attempts: Number of delivery attempts made (0 when the hub refused to send). */
  attempts: number;
  /** Organisation: The receiving organisation (kind and code), as in the partner message. */
  organisation?: {
    /** Kind: cpmt, regional or inami. */
    kind: 'cpmt' | 'regional' | 'inami';
    /** Code: Enterprise number of the prevention service, regional service id or inami. */
    code: string;
  };
  /** Message type: The partner's name for the message (fia, cpmt-referral, amf...). */
  messageType?: string;
  /** Referral id: The referral the message belongs to, when it belongs to one. */
  referralId?: Reference;
  /** Causation id: Id of the accepted dossier event that led to the message. */
  causationId?: string;
  /** Delivered at: When the partner acknowledged the message. */
  deliveredAt?: IsoDateTime;
  /** HTTP status: Status of the acknowledging response. */
  httpStatus?: number;
}

/** A be.rtw.delivery.succeeded event, contract version 2. */
export interface DeliverySucceededV2Event extends CanonicalEnvelope {
  type: 'be.rtw.delivery.succeeded';
  dataschema: 'urn:rtw:schema:be.rtw.delivery.succeeded:v2';
  data: DeliverySucceededV2;
}
