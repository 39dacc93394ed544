// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { IsoDate } from './common.types';

/** AMI trajectory launched: A trajet de réinsertion socioprofessionnelle (AMI trajectory) was launched with a positive engagement declaration. Starts the one-month clock for the follow-up interview. */
export interface AmiLaunchedV1 {
  /** Launch case: 1 no contract; 2 contract, not referred to the CPMT; 3 contract, no reintegration trajectory asked after the pre-reintegration visit; 4 reintegration trajectory ended, definitively unfit. */
  case: number;
  /** Launched on: Launch date. */
  launchedOn: IsoDate;
  /** Engagement declaration: Signature dates of the positive engagement declaration. */
  engagementDeclaration: {
    /** Coordinator signed on: Date the coordinator signed. */
    coordinatorSignedOn: IsoDate;
    /** Médecin-conseil signed on: Date the médecin-conseil signed. */
    medicalAdvisorSignedOn: IsoDate;
    /** Insured signed on: Date the insured signed. */
    insuredSignedOn: IsoDate;
  };
}

/** A be.rtw.ami.launched event, contract version 1. */
export interface AmiLaunchedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.ami.launched';
  dataschema: 'urn:rtw:schema:be.rtw.ami.launched:v1';
  data: AmiLaunchedV1;
}
