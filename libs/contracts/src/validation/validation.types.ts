/** Stable codes of validation failures; they travel in `be.rtw.event.rejected` and DLQ headers. */
export const VALIDATION_CODES = [
  'SCHEMA_REQUIRED',
  'SCHEMA_ADDITIONAL_PROPERTY',
  'SCHEMA_TYPE',
  'SCHEMA_FORMAT',
  'SCHEMA_ENUM',
  'SCHEMA_CONST',
  'SCHEMA_PATTERN',
  'SCHEMA_LENGTH',
  'SCHEMA_RANGE',
  'SCHEMA_ITEMS',
  'SCHEMA_PROPERTIES',
  'SCHEMA_INVALID',
  // Semantic formats: the same codes as the domain's, one code per fault (ADR 0046).
  'NISS_INVALID',
  'ENTERPRISE_NUMBER_INVALID',
  'POSTAL_CODE_INVALID',
  'INSURER_UNKNOWN',
  'DATE_INVALID',
  'TEXT_FORBIDDEN_CHARACTER',
  'DOSSIER_ID_INVALID',
  'UNKNOWN_EVENT_TYPE',
  'UNKNOWN_SCHEMA_VERSION',
  'ENVELOPE_INVALID',
  'EVENT_TOO_LARGE',
] as const;

/** One of VALIDATION_CODES. */
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** One reason an event breaks its contract. The message never repeats a field value. */
export interface ValidationIssue {
  /** JSON pointer (RFC 6901) into the event; for a missing property, where it should be. */
  readonly pointer: string;
  readonly code: ValidationCode;
  readonly message: string;
}

/** Outcome of a validation: the typed value, or the issues (at least one). */
export type ValidationResult<T> =
  | { readonly ok: true; readonly event: T }
  | { readonly ok: false; readonly errors: readonly ValidationIssue[] };

/** A failed ValidationResult with a single issue. */
export function invalid(issue: ValidationIssue): { ok: false; errors: ValidationIssue[] } {
  return { ok: false, errors: [issue] };
}
