import { mod97CheckDigits } from './mod97.checksum';
import type { ParseResult } from './parse-result.types';

/** Why a string is not a valid enterprise (KBO/BCE) number. */
export type EnterpriseNumberInvalidReason =
  'ENTERPRISE_NUMBER_FORMAT' | 'ENTERPRISE_NUMBER_CHECK_DIGITS';

/** Ten digits, the first 0 or 1, written without dots (the canonical form in our events). */
const ENTERPRISE_NUMBER = /^[01]\d{9}$/;

/** Parses a 10-digit enterprise number: last two digits are `97 - (first 8 mod 97)`. */
export function parseEnterpriseNumber(
  input: string,
): ParseResult<string, EnterpriseNumberInvalidReason> {
  if (!ENTERPRISE_NUMBER.test(input)) return { ok: false, reason: 'ENTERPRISE_NUMBER_FORMAT' };
  const base = Number(input.slice(0, 8));
  if (mod97CheckDigits(base) !== Number(input.slice(8))) {
    return { ok: false, reason: 'ENTERPRISE_NUMBER_CHECK_DIGITS' };
  }
  return { ok: true, value: input };
}

/** True for a valid enterprise number. */
export function isValidEnterpriseNumber(input: string): boolean {
  return parseEnterpriseNumber(input).ok;
}
