// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate, IsoDateTime } from './common.types';

/** INAMI dataset due (hub): A reminder to the insurer: its annual evaluation dataset for INAMI (art. 110 §3) of the previous year is not yet acknowledged by INAMI. Sent by the INAMI evaluation's January schedule once per reminder period until a version of the year is acknowledged. The subject is the dataset's id (derived from insurer and year), not a dossier; no personal data. */
export interface InamiDatasetDueV1 {
  /** Year: The calendar year the dataset covers. */
  year: number;
  /** Reminder number: Which reminder period this is (1 for the first); one reminder per period at most. */
  reminder: number;
  /** Reminded on: The Belgian calendar date of the reminder. */
  remindedOn: IsoDate;
  /** State: Why the dataset is still due: not-frozen (no version frozen yet; review the draft and freeze), not-submitted (the newest version is frozen but not submitted), refused (INAMI refused the newest submitted version: correct, freeze and resubmit), not-delivered (delivery gave up on the newest submitted version). */
  state: 'not-frozen' | 'not-submitted' | 'refused' | 'not-delivered';
  /** Newest version: Number of the newest frozen version of the dataset, when there is one. */
  newestVersion?: number;
  /** Refusal codes: INAMI's reason codes, when the newest version was refused. */
  refusalCodes?: string[];
  /** Draft: The draft the schedule built for review (a dry run: nothing frozen). */
  draft?: {
    /** Built at: When the draft was built. */
    builtAt: IsoDateTime;
    /** Trajectories counted: Trajectories the draft counts. */
    trajectoriesCounted: number;
    /** Findings: Inconsistencies the draft lists for review (reconciliation report). */
    findings: number;
  };
}

/** A be.rtw.inami-dataset.due event, contract version 1. */
export interface InamiDatasetDueV1Event extends CanonicalEnvelope {
  type: 'be.rtw.inami-dataset.due';
  dataschema: 'urn:rtw:schema:be.rtw.inami-dataset.due:v1';
  data: InamiDatasetDueV1;
}
