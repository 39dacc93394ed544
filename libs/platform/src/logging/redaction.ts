/**
 * What logs must never carry. Paths are pino redaction paths (structured fields); the pattern
 * scrubs NISS/BIS-shaped numbers out of free text, as a second line of defence behind the rule
 * that messages never include personal data in the first place.
 */
export const REDACTED_PATHS: readonly string[] = [
  'niss',
  '*.niss',
  '*.*.niss',
  'lastName',
  '*.lastName',
  '*.*.lastName',
  'firstName',
  '*.firstName',
  '*.*.firstName',
  'birthDate',
  '*.birthDate',
  '*.*.birthDate',
  'residence',
  '*.residence',
  '*.*.residence',
  'insured',
  '*.insured',
  'data',
  '*.data',
  'payload',
  '*.payload',
  'body',
  '*.body',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
  'token',
  '*.token',
];

/** Eleven digits, optionally in the `YY.MM.DD-SSS.CC` display form. */
const NISS_LIKE = /\b\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s]?\d{3}[.\s]?\d{2}\b/g;

/** Replaces every NISS-shaped number in a text with a fixed marker. */
export function scrubText(text: string): string {
  return text.replace(NISS_LIKE, '[niss-redacted]');
}
