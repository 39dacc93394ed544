// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { DossierId, InsurerCode, IsoDateTime } from './common.types';

/** Canonical event envelope: A CloudEvents 1.0 event in structured mode (attributes and data in one JSON object), with the hub's extension attributes. In Kafka binary mode the same attributes travel as ce_* headers. */
export interface CloudEvent {
  /** CloudEvents version: Always 1.0. */
  specversion: '1.0';
  /** Event id: Unique per source; a retry of the same event keeps the same id (idempotency key). */
  id: string;
  /** Source: The publishing organisation, urn:rtw:org:<kind>:<code> (e.g. urn:rtw:org:insurer:100) or urn:rtw:org:hub. */
  source: string;
  /** Event type: be.rtw.<subject>.<verb>; must name a contract in the registry. */
  type: string;
  /** Dossier id: UUID of the return-to-work dossier; also the Kafka message key, so one dossier's events stay in order. */
  subject: DossierId;
  /** Occurrence time: When the fact happened in the publisher's system. */
  time: IsoDateTime;
  /** Data content type: Always application/json. */
  datacontenttype: 'application/json';
  /** Data schema: urn:rtw:schema:<type>:v<N>: the contract and major version that data follows; its type part must equal type. */
  dataschema: string;
  /** Insurer: Code of the insurer that owns the dossier; routes insurer notifications. */
  insurer: InsurerCode;
  /** Correlation id: Ties together events caused by one request or one business flow. */
  correlationid?: string;
  /** Trace parent: W3C Trace Context traceparent of the publishing span. */
  traceparent?: string;
  /** Event data: The event payload; its shape is the contract named by dataschema. */
  data: Record<string, unknown>;
}

/** The envelope attributes shared by every canonical event (type, dataschema and data vary). */
export type CanonicalEnvelope = Omit<CloudEvent, 'type' | 'dataschema' | 'data'>;
