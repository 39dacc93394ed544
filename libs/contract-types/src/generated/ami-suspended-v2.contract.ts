// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, Reference } from './common.types';

/** AMI trajectory suspended: The AMI trajectory is suspended, typically while a CPMT trajectory started at the employer's request runs (launch cases 2 and 3). Version 2 can describe that CPMT trajectory, also in case 2, where the insured was never referred to the CPMT and there is no referral id. */
export interface AmiSuspendedV2 {
  /** Suspended on: Date of suspension. */
  suspendedOn: IsoDate;
  /** Reason: Why it is suspended. */
  reason: 'cpmt-trajectory-at-employer-request' | 'other';
  /** CPMT trajectory: The reintegration trajectory at the employer that suspends the AMI trajectory; expected with reason cpmt-trajectory-at-employer-request. */
  cpmtTrajectory?: {
    /** Started on: Date the reintegration trajectory at the employer started. */
    startedOn: IsoDate;
    /** Referral id: The insurer's CPMT referral whose pre-reintegration visit preceded the trajectory (case 3). Absent when the employer asked the CPMT directly and the insurer never referred the insured (case 2). */
    referralId?: Reference;
  };
}

/** A be.rtw.ami.suspended event, contract version 2. */
export interface AmiSuspendedV2Event extends CanonicalEnvelope {
  type: 'be.rtw.ami.suspended';
  dataschema: 'urn:rtw:schema:be.rtw.ami.suspended:v2';
  data: AmiSuspendedV2;
}
