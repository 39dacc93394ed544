// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Dossier closed: The insurer closed the return-to-work dossier. */
export interface DossierClosedV1 {
  /** Closed on: Date of closure. */
  closedOn: IsoDate;
  /** Reason: Why the dossier was closed. */
  reason: 'work-resumed' | 'incapacity-ended' | 'pension' | 'death' | 'other';
}

/** A be.rtw.dossier.closed event, contract version 1. */
export interface DossierClosedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.dossier.closed';
  dataschema: 'urn:rtw:schema:be.rtw.dossier.closed:v1';
  data: DossierClosedV1;
}
