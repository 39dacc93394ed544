// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:
// change the schema and run `npm run contracts:generate`.

/** Dossier id: UUID of a return-to-work dossier in its one canonical spelling: lower-case hexadecimal, 8-4-4-4-12, never the nil (all zeros) or max (all f) UUID. It is the Kafka key of the dossier's events, and keys compare as bytes. */
export type DossierId = string;

/** Enterprise number: KBO/BCE enterprise number: 10 digits without separators, starting with 0 or 1, with valid check digits. */
export type EnterpriseNumber = string;

/** Human text: Text written by people (names, addresses, free text), on one line: any character except control characters (U+0000-U+001F, U+007F-U+009F: NUL, TAB, CR, LF, ESC...), the line and paragraph separators U+2028-U+2029, the bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, U+FFFE, U+FFFF and unpaired surrogates, so that it fits XML 1.0 documents and log lines unchanged. Length limits belong to each field. */
export type HumanText = string;

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
  street?: HumanText;
  /** Postal code: Postal code of the residence. Personal data: residence. */
  postalCode: PostalCode;
  /** Municipality: Name of the municipality, in any national language. Personal data: residence. */
  municipality: HumanText;
  /** NIS code: Statbel code of the municipality, when known. Personal data: residence. */
  nisCode?: NisCode;
}
