// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** CPMT reintegration trajectory started: A reintegration trajectory at the employer started. In AMI launch cases 2 and 3, an employer-requested one suspends the AMI trajectory. */
export interface CpmtTrajectoryStartedV1 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Started on: Start date. */
  startedOn: IsoDate;
  /** Requested by: Who asked for the trajectory. */
  requestedBy: 'insured' | 'employer' | 'medical-advisor';
}

/** A be.rtw.cpmt.trajectory.started event, contract version 1. */
export interface CpmtTrajectoryStartedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.cpmt.trajectory.started';
  dataschema: 'urn:rtw:schema:be.rtw.cpmt.trajectory.started:v1';
  data: CpmtTrajectoryStartedV1;
}
