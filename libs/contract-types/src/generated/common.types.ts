// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

/** Enterprise number: KBO/BCE enterprise number: 10 digits without separators, starting with 0 or 1, with valid check digits. */
export type EnterpriseNumber = string;

/** Insurer code: Three-digit code of a health insurer (organisme assureur) known to the hub reference data. */
export type InsurerCode = string;

/** Instant: An RFC 3339 date-time with an explicit offset or Z, e.g. 2026-03-02T09:15:00+01:00. */
export type IsoDateTime = string;

/** Calendar date: An ISO 8601 calendar date (YYYY-MM-DD) that exists in the Gregorian calendar (no 30 February). */
export type IsoDate = string;

/** NIS municipality code: Five-digit Statbel (NIS/INS) code of a municipality; more precise than the postal code for the German-speaking municipalities. */
export type NisCode = string;

/** NISS or BIS number: Belgian social security identification number (national register or BIS register), 11 digits without separators, with valid check digits. Personal data: national-number. */
export type Niss = string;

/** Belgian postal code: Four-digit Belgian postal code (1000-9999); the residence postal code decides the competent regional service. */
export type PostalCode = string;

/** Business reference: An opaque identifier chosen by the organisation that creates the object (contact, referral, plan, message): 1 to 64 letters, digits, dots, underscores, colons or hyphens. */
export type Reference = string;

/** Main residence: The insured's main residence in Belgium; it decides the competent regional employment service. Personal data: residence. */
export interface Residence {
  /** Street and number: Street, house number and box, as registered. Personal data: residence. */
  street?: string;
  /** Postal code: Postal code of the residence. Personal data: residence. */
  postalCode: PostalCode;
  /** Municipality: Name of the municipality, in any national language. Personal data: residence. */
  municipality: string;
  /** NIS code: Statbel code of the municipality, when known. Personal data: residence. */
  nisCode?: NisCode;
}
