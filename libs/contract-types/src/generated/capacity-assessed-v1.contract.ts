// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** Capacity assessed: The médecin-conseil (or a team member) estimated the remaining capacities (quickscan, month 4). */
export interface CapacityAssessedV1 {
  /** Category: 1 spontaneous return expected by month 6; 2 return not possible for medical reasons; 3 treatment first, return not yet assessable; 4 return possible with support. */
  category: number;
  /** Assessed by: Who made the estimate. */
  assessedBy: 'medical-advisor' | 'team-member';
  /** Assessed on: Date of the estimate. */
  assessedOn: IsoDate;
  /** Planned reassessment on: When the estimate will be made again (categories 1 and 3). */
  plannedReassessmentOn?: IsoDate;
}

/** A be.rtw.capacity.assessed event, contract version 1. */
export interface CapacityAssessedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.capacity.assessed';
  dataschema: 'urn:rtw:schema:be.rtw.capacity.assessed:v1';
  data: CapacityAssessedV1;
}
