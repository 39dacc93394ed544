// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Route B decided: The médecin-conseil accepted or refused the insured's own request. */
export interface RoutebDecidedV1 {
  /** Decision: Accepted or refused. */
  decision: 'accepted' | 'refused';
  /** Decided on: Date of the decision. */
  decidedOn: IsoDate;
}

/** A be.rtw.routeb.decided event, contract version 1. */
export interface RoutebDecidedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.routeb.decided';
  dataschema: 'urn:rtw:schema:be.rtw.routeb.decided:v1';
  data: RoutebDecidedV1;
}
