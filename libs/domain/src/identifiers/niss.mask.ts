const ELEVEN_DIGITS = /^\d{11}$/;
const FULLY_MASKED = '**.**.**-***.**';

/**
 * Masks a NISS for display to support staff: the birth-date part stays readable, sequence and
 * check digits are hidden (`85.07.30-***.**`). Anything that is not 11 digits is masked entirely,
 * so a malformed value can never leak through.
 */
export function maskNiss(niss: string): string {
  if (!ELEVEN_DIGITS.test(niss)) return FULLY_MASKED;
  return `${niss.slice(0, 2)}.${niss.slice(2, 4)}.${niss.slice(4, 6)}-***.**`;
}
