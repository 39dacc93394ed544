// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** AMI trajectory resumed: A suspended AMI trajectory resumed. */
export interface AmiResumedV1 {
  /** Resumed on: Date of resumption. */
  resumedOn: IsoDate;
}

/** A be.rtw.ami.resumed event, contract version 1. */
export interface AmiResumedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.ami.resumed';
  dataschema: 'urn:rtw:schema:be.rtw.ami.resumed:v1';
  data: AmiResumedV1;
}
