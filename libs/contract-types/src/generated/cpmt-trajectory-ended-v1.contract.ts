// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** CPMT reintegration trajectory ended: The reintegration trajectory at the employer ended. */
export interface CpmtTrajectoryEndedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Ended on: End date. */
  endedOn: IsoDate;
  /** Outcome: How it ended; definitively-unfit opens AMI launch case 4. */
  outcome: 'adapted-work' | 'other-work' | 'definitively-unfit' | 'no-plan-possible' | 'stopped';
}

/** A be.rtw.cpmt.trajectory.ended event, contract version 1. */
export interface CpmtTrajectoryEndedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.cpmt.trajectory.ended';
  dataschema: 'urn:rtw:schema:be.rtw.cpmt.trajectory.ended:v1';
  data: CpmtTrajectoryEndedV1;
}
