// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { EnterpriseNumber, HumanText, IsoDate, Niss, Residence } from './common.types';

/** Dossier opened: The insurer opened a return-to-work dossier (Dossier Retour Au Travail) for an insured person recognised unfit for work. The only event that carries full identity. */
export interface DossierOpenedV1 {
  /** Insured: The person the dossier is about (identity data category of the dossier). */
  insured: {
    /** NISS: National register or BIS number of the insured. Personal data: national-number. */
    niss: Niss;
    /** Last name: Last name as registered. Personal data: name. */
    lastName: HumanText;
    /** First name: First name as registered. Personal data: name. */
    firstName: HumanText;
    /** Sex: M, F, or X when not registered or not binary. Personal data: sex. */
    sex: 'M' | 'F' | 'X';
    /** Birth date: Birth date of the insured. Personal data: birth-date. */
    birthDate: IsoDate;
    /** Language: Language of correspondence with the insured. */
    language: 'fr' | 'nl' | 'de';
    /** Residence: Main residence of the insured. Personal data: residence. */
    residence: Residence;
  };
  /** Scheme: Social security scheme of the insured. */
  scheme: 'salaried' | 'unemployed' | 'self-employed' | 'helping-spouse';
  /** Employment: The insured's employment situation at the time of the event. */
  employment: {
    /** Has employment contract: True when the insured is bound by an employment contract; a CPMT referral is only possible then. */
    hasContract: boolean;
    /** Employer: Enterprise number of the employer, when there is a contract. */
    employerEnterpriseNumber?: EnterpriseNumber;
    /** Job title: The agreed work, in the employer's words. */
    jobTitle?: HumanText;
  };
  /** Incapacity: The incapacity for work that started the trajectory. */
  incapacity: {
    /** Start date: First day of incapacity; the legal clocks (questionnaire at day 70, quickscan in month 4) count from here. */
    startDate: IsoDate;
    /** Incapacity phase: Primary incapacity (first year) or invalidity (after one year). */
    phase: 'primary' | 'invalidity';
  };
}

/** A be.rtw.dossier.opened event, contract version 1. */
export interface DossierOpenedV1Event extends CanonicalEnvelope {
  type: 'be.rtw.dossier.opened';
  dataschema: 'urn:rtw:schema:be.rtw.dossier.opened:v1';
  data: DossierOpenedV1;
}
