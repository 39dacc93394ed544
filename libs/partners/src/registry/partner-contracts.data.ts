import type { Language } from '@rtw/domain';

/** The partners the hub sends referrals to and takes answers from. */
export type PartnerCode = 'actiris' | 'cpmt' | 'vdab' | 'forem' | 'adg';

/** Media types of partner documents. */
export type PartnerMediaType = 'application/xml' | 'application/json';

/** One document of a partner contract: its schemas and how it travels. */
export interface PartnerDocumentContract {
  /** Short name: the form (FIA, AMF, FIF, IFA) or `answer`. */
  readonly name: string;
  /** `$id` of the JSON Schema of the content; also the XML namespace for XML documents. */
  readonly schemaId: string;
  /** JSON Schema file, relative to `schemas/partners/`. */
  readonly schemaFile: string;
  /** XSD file relative to `schemas/partners/`, for documents that travel as XML. */
  readonly xsdFile?: string;
  /** Root element of the XML form. */
  readonly xmlRoot?: string;
  /** Media types accepted; the first is the one the hub (or the sandbox) writes. */
  readonly mediaTypes: readonly PartnerMediaType[];
}

/** A partner's contract with the hub: its referral message and its answers. */
export interface PartnerContract {
  readonly partner: PartnerCode;
  readonly name: string;
  /** Language of the contract's field names, labels and code lists. */
  readonly contractLanguage: Language | 'en';
  /** Languages in which the partner contacts the insured, the first being the default. */
  readonly contactLanguages: readonly Language[];
  readonly message: PartnerDocumentContract;
  readonly answer: PartnerDocumentContract;
}

const XML: PartnerMediaType = 'application/xml';
const JSON_: PartnerMediaType = 'application/json';

/**
 * Every partner contract. These are OUR models (no partner has published a format): each
 * `schemas/partners/<partner>/README.md` says so and how to replace one (ADR 0051).
 */
export const PARTNER_CONTRACTS: Readonly<Record<PartnerCode, PartnerContract>> = {
  actiris: {
    partner: 'actiris',
    name: 'Actiris',
    contractLanguage: 'fr',
    contactLanguages: ['fr', 'nl'],
    message: {
      name: 'FIA',
      schemaId: 'urn:rtw:partner:actiris:fia:v1',
      schemaFile: 'actiris/fia.v1.schema.json',
      xsdFile: 'actiris/fia.v1.xsd',
      xmlRoot: 'fia',
      mediaTypes: [XML],
    },
    answer: {
      name: 'answer',
      schemaId: 'urn:rtw:partner:actiris:reponse:v1',
      schemaFile: 'actiris/answer.v1.schema.json',
      xsdFile: 'actiris/answer.v1.xsd',
      xmlRoot: 'reponseActiris',
      mediaTypes: [XML, JSON_],
    },
  },
  cpmt: {
    partner: 'cpmt',
    name: 'CPMT (prevention service)',
    contractLanguage: 'en',
    contactLanguages: ['fr', 'nl', 'de'],
    message: {
      name: 'referral',
      schemaId: 'urn:rtw:partner:cpmt:referral:v1',
      schemaFile: 'cpmt/referral.v1.schema.json',
      mediaTypes: [JSON_],
    },
    answer: {
      name: 'answer',
      schemaId: 'urn:rtw:partner:cpmt:answer:v1',
      schemaFile: 'cpmt/answer.v1.schema.json',
      mediaTypes: [JSON_],
    },
  },
  vdab: {
    partner: 'vdab',
    name: 'VDAB',
    contractLanguage: 'nl',
    contactLanguages: ['nl'],
    message: {
      name: 'AMF',
      schemaId: 'urn:rtw:partner:vdab:amf:v1',
      schemaFile: 'vdab/amf.v1.schema.json',
      mediaTypes: [JSON_],
    },
    answer: {
      name: 'answer',
      schemaId: 'urn:rtw:partner:vdab:antwoord:v1',
      schemaFile: 'vdab/answer.v1.schema.json',
      mediaTypes: [JSON_],
    },
  },
  forem: {
    partner: 'forem',
    name: 'Le Forem',
    contractLanguage: 'fr',
    contactLanguages: ['fr'],
    message: {
      name: 'FIF',
      schemaId: 'urn:rtw:partner:forem:fif:v1',
      schemaFile: 'forem/fif.v1.schema.json',
      xsdFile: 'forem/fif.v1.xsd',
      xmlRoot: 'fif',
      mediaTypes: [XML],
    },
    answer: {
      name: 'answer',
      schemaId: 'urn:rtw:partner:forem:reponse:v1',
      schemaFile: 'forem/answer.v1.schema.json',
      xsdFile: 'forem/answer.v1.xsd',
      xmlRoot: 'reponseForem',
      mediaTypes: [XML],
    },
  },
  adg: {
    partner: 'adg',
    name: 'ADG (Arbeitsamt der Deutschsprachigen Gemeinschaft)',
    contractLanguage: 'de',
    contactLanguages: ['de'],
    message: {
      name: 'IFA',
      schemaId: 'urn:rtw:partner:adg:ifa:v1',
      schemaFile: 'adg/ifa.v1.schema.json',
      mediaTypes: [JSON_],
    },
    answer: {
      name: 'answer',
      schemaId: 'urn:rtw:partner:adg:antwort:v1',
      schemaFile: 'adg/answer.v1.schema.json',
      mediaTypes: [JSON_],
    },
  },
};

/** Every partner code, in a stable order. */
export const PARTNER_CODES = Object.keys(PARTNER_CONTRACTS) as readonly PartnerCode[];

/** True for a known partner code (own keys only: `constructor` is not a partner). */
export function isPartnerCode(value: string): value is PartnerCode {
  return Object.hasOwn(PARTNER_CONTRACTS, value);
}
