// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** Regional trajectory ended: The trajectory with the regional service ended. */
export interface RegionalTrajectoryEndedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Ended on: End date. */
  endedOn: IsoDate;
  /** Outcome: How it ended. */
  outcome: 'employed' | 'training-completed' | 'stopped' | 'referred-back';
}

/** A be.rtw.regional.trajectory.ended event, contract version 1. */
export interface RegionalTrajectoryEndedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.regional.trajectory.ended';
  dataschema: 'urn:rtw:schema:be.rtw.regional.trajectory.ended:v1';
  data: RegionalTrajectoryEndedV1;
}
