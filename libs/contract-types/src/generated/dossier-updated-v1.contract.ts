// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { EnterpriseNumber, HumanText, Residence } from './common.types';

/** Dossier updated: Identity-adjacent facts of the dossier changed. Carries only what changed; at least one of insured, employment or incapacity is present. */
export interface DossierUpdatedV1 {
  /** Insured: Changed contact facts of the insured. */
  insured?: {
    /** Residence: New main residence. Personal data: residence. */
    residence?: Residence;
    /** Language: Language of correspondence with the insured. */
    language?: 'fr' | 'nl' | 'de';
  };
  /** Employment: The insured's employment situation at the time of the event. */
  employment?: {
    /** Has employment contract: True when the insured is bound by an employment contract; a CPMT referral is only possible then. */
    hasContract: boolean;
    /** Employer: Enterprise number of the employer, when there is a contract. */
    employerEnterpriseNumber?: EnterpriseNumber;
    /** Job title: The agreed work, in the employer's words. */
    jobTitle?: HumanText;
  };
  /** Incapacity: Changed incapacity facts. */
  incapacity?: {
    /** Incapacity phase: Primary incapacity (first year) or invalidity (after one year). */
    phase: 'primary' | 'invalidity';
  };
  /** Reason: Why the dossier changed. */
  reason: 'moved' | 'contract-ended' | 'contract-started' | 'phase-changed' | 'correction';
}

/** A be.rtw.dossier.updated event, contract version 1. */
export interface DossierUpdatedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.dossier.updated';
  dataschema: 'urn:rtw:schema:be.rtw.dossier.updated:v1';
  data: DossierUpdatedV1;
}
