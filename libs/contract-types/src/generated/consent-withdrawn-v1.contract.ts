// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Consent withdrawn: The insured withdrew a consent; exchanges in its scope stop. */
export interface ConsentWithdrawnV1 {
  /** Scope: What the consent covers: processing of the dossier, or exchanges with a given recipient. */
  scope: 'data-processing' | 'cpmt' | 'regional-service' | 'treating-physician' | 'other';
  /** Withdrawn on: Date of the withdrawal. */
  withdrawnOn: IsoDate;
}

/** A be.rtw.consent.withdrawn event, contract version 1. */
export interface ConsentWithdrawnV1Event extends CanonicalEnvelope {
  type: 'be.rtw.consent.withdrawn';
  dataschema: 'urn:rtw:schema:be.rtw.consent.withdrawn:v1';
  data: ConsentWithdrawnV1;
}
