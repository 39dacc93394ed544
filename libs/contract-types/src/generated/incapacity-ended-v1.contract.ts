// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Incapacity ended: The incapacity for work ended. Starts the retention clock: data is kept until 3 years after 1 January following this date. */
export interface IncapacityEndedV1 {
  /** Ended on: Last day of incapacity. */
  endedOn: IsoDate;
}

/** A be.rtw.incapacity.ended event, contract version 1. */
export interface IncapacityEndedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.incapacity.ended';
  dataschema: 'urn:rtw:schema:be.rtw.incapacity.ended:v1';
  data: IncapacityEndedV1;
}
