// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDateTime, Reference } from './common.types';

/** Delivery failed (hub): A partner message was not delivered, for good: the partner refused it, the retries ran out (both dead-lettered, replayable by support), or the hub refused to send it (no consent, no relation, contract not met). reasonCode says which; the insurer is told through this receipt. */
export interface DeliveryFailedV2 {
  /** Partner: The receiving partner. */
  partner: 'cpmt' | 'actiris' | 'vdab' | 'forem' | 'adg' | 'inami';
  /** Message id: Id of the outbound partner message (its idempotency key). */
  messageId: Reference;
  /** Attempts: Number of delivery attempts made (0 when the hub refused to send). */
  attempts: number;
  /** Reason code: Stable reason: PARTNER_REJECTED, RETRIES_EXHAUSTED, or the refusal (NOT_LINKED, CONSENT_MISSING, CONSENT_WITHDRAWN, DATA_PROCESSING_WITHDRAWN, CONTRACT_UNKNOWN, CONTRACT_VIOLATION...). */
  reasonCode: string;
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
  /** Outcome: dead-lettered (sent, but the partner refused it or never acknowledged it) or refused (never sent). */
  outcome?: 'dead-lettered' | 'refused';
  /** HTTP status: Status of the partner's last response, when one came. */
  httpStatus?: number;
  /** Failed at: When the message was given up. */
  failedAt?: IsoDateTime;
}

/** A be.rtw.delivery.failed event, contract version 2. */
export interface DeliveryFailedV2Event extends CanonicalEnvelope {
  type: 'be.rtw.delivery.failed';
  dataschema: 'urn:rtw:schema:be.rtw.delivery.failed:v2';
  data: DeliveryFailedV2;
}
