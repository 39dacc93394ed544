// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** Regional trajectory started: A trajectory with the regional service started. */
export interface RegionalTrajectoryStartedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Started on: Start date. */
  startedOn: IsoDate;
}

/** A be.rtw.regional.trajectory.started event, contract version 1. */
export interface RegionalTrajectoryStartedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.regional.trajectory.started';
  dataschema: 'urn:rtw:schema:be.rtw.regional.trajectory.started:v1';
  data: RegionalTrajectoryStartedV1;
}
