import type { PartnerCode, PartnerMediaType } from '../registry/partner-contracts.data';

/** A partner document ready to hand to delivery: its content and its serialized body. */
export interface PartnerDocument<T = unknown> {
  readonly partner: PartnerCode;
  /** Contract id of the document (`urn:rtw:partner:...`), also its XML namespace. */
  readonly schemaId: string;
  readonly mediaType: PartnerMediaType;
  /** The document as an object, exactly what the body encodes. */
  readonly content: T;
  /** The serialized document: UTF-8 XML or JSON. */
  readonly body: string;
}

/** A document received from (or, in the sandbox, sent to) a partner, not yet trusted. */
export interface ReceivedDocument {
  readonly body: Uint8Array | string;
  /** The Content-Type it came with. */
  readonly contentType: string;
}
