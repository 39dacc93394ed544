// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Route B requested: The insured asked for a return-to-work trajectory on their own initiative (route B). */
export interface RoutebRequestedV1 {
  /** Requested on: Date of the request. */
  requestedOn: IsoDate;
}

/** A be.rtw.routeb.requested event, contract version 1. */
export interface RoutebRequestedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.routeb.requested';
  dataschema: 'urn:rtw:schema:be.rtw.routeb.requested:v1';
  data: RoutebRequestedV1;
}
