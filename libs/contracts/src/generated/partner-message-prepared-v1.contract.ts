// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { Reference } from './common.types';

/** Partner message prepared (hub): A connector built a message for one partner organisation, in that partner's contract, and hands it to delivery on rtw.outbound.<partner>.v1. The event id is the message id and the idempotency key of every delivery attempt (1 to 64 letters, digits, dots, underscores, colons or hyphens; a UUID fits); the subject is the dossier id. */
export interface PartnerMessagePreparedV1 {
  /** Partner: The partner family; names the outbound topic the message travels on. */
  partner: 'cpmt' | 'actiris' | 'vdab' | 'forem' | 'adg' | 'inami';
  /** Organisation: The receiving organisation: for CPMT one of many prevention services (by enterprise number), for a regional service its id, for INAMI inami. */
  organisation: {
    /** Kind: cpmt (a prevention service), regional (Actiris, VDAB, Le Forem, ADG) or inami. */
    kind: 'cpmt' | 'regional' | 'inami';
    /** Code: Enterprise number of the prevention service, regional service id (actiris, vdab, forem, adg) or inami. */
    code: string;
  };
  /** Message type: The partner's name for the message, e.g. fia, cpmt-referral, amf, fif, ifa, inami-dataset. */
  messageType: string;
  /** Contract: Id of the partner contract (JSON Schema $id or XSD target) that the body follows; delivery validates the body against it before sending. */
  contract: string;
  /** Content type: Media type of the body, sent as the request's Content-Type. */
  contentType: 'application/json' | 'application/xml';
  /** Body: The exact text to send (at most 512 KiB). Either body or bodyRef is present, never both. */
  body?: string;
  /** Body reference: Where a large body (the INAMI yearly dataset) is kept; delivery reads it from that payload store when sending. */
  bodyRef?: {
    /** Store: Name of the payload store. */
    store: string;
    /** Id: Id of the payload in that store. */
    id: Reference;
  };
  /** Referral id: The referral the message belongs to, when it belongs to one; consent and relation are checked for it. */
  referralId?: Reference;
  /** Causation id: Id of the accepted dossier event that led to this message. */
  causationId: string;
}

/** A be.rtw.partner-message.prepared event, contract version 1. */
export interface PartnerMessagePreparedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.partner-message.prepared';
  dataschema: 'urn:rtw:schema:be.rtw.partner-message.prepared:v1';
  data: PartnerMessagePreparedV1;
}
