// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Trajectory closed: The return-to-work trajectory ended (the dossier may stay open). */
export interface TrajectoryClosedV1 {
  /** Closed on: Date of closure. */
  closedOn: IsoDate;
  /** Outcome: Why the trajectory ended. */
  outcome: 'work-resumed' | 'not-feasible' | 'stopped-by-insured' | 'incapacity-ended' | 'other';
}

/** A be.rtw.trajectory.closed event, contract version 1. */
export interface TrajectoryClosedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.trajectory.closed';
  dataschema: 'urn:rtw:schema:be.rtw.trajectory.closed:v1';
  data: TrajectoryClosedV1;
}
