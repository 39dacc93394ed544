// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

import type { CanonicalEnvelope } from './cloud-event.types';
import type { HumanText, IsoDate, Reference } from './common.types';

/** Regional service referral requested: The coordinator refers the insured to the regional employment and training service competent for the residence (Actiris FIA, VDAB AMF, Le Forem FIF, ADG IFA). Version 2 adds the coordinator's contact and the language in which the service should contact the insured. */
export interface RegionalReferralRequestedV2 {
  /** Referral id: Reference of the referral, chosen by the insurer and echoed by the partner. */
  referralId: Reference;
  /** Service: The regional service. */
  service: 'actiris' | 'vdab' | 'forem' | 'adg';
  /** Disability partner: Specialised partner involved (GTB with VDAB, AViQ with Le Forem), or none. */
  disabilityPartner?: 'gtb' | 'aviq' | 'none';
  /** Purpose: What the referral asks for. */
  purpose: 'registration' | 'orientation' | 'training' | 'job-search-support';
  /** Requested on: Date of the referral. */
  requestedOn: IsoDate;
  /** Coordinator: The return-to-work coordinator handling the referral: a staff contact for the partner (not the insured's data). Partners that take a coordinator contact (Actiris FIA, CPMT, VDAB, Le Forem, ADG) receive it. */
  coordinator?: {
    /** Name: Name of the coordinator as the partner should address them. Personal data: name. */
    name: HumanText;
    /** Phone: Professional phone number: digits, spaces and + ( ) . / - only. */
    phone?: string;
    /** Email: Professional email address. */
    email?: string;
  };
  /** Contact language: Language in which the service should contact the insured when it differs from the dossier's correspondence language (e.g. Dutch at Actiris); the service's default language is used when it does not offer this one. */
  contactLanguage?: 'fr' | 'nl' | 'de';
}

/** A be.rtw.regional.referral.requested event, contract version 2. */
export interface RegionalReferralRequestedV2Event extends CanonicalEnvelope {
  type: 'be.rtw.regional.referral.requested';
  dataschema: 'urn:rtw:schema:be.rtw.regional.referral.requested:v2';
  data: RegionalReferralRequestedV2;
}
