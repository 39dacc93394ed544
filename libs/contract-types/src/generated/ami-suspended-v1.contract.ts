// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** AMI trajectory suspended: The AMI trajectory is suspended, typically while a CPMT trajectory started at the employer's request runs. */
export interface AmiSuspendedV1 {
  /** Suspended on: Date of suspension. */
  suspendedOn: IsoDate;
  /** Reason: Why it is suspended. */
  reason: 'cpmt-trajectory-at-employer-request' | 'other';
}

/** A be.rtw.ami.suspended event, contract version 1. */
export interface AmiSuspendedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.ami.suspended';
  dataschema: 'urn:rtw:schema:be.rtw.ami.suspended:v1';
  data: AmiSuspendedV1;
}
