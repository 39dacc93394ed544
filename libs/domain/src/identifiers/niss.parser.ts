import { formatIsoDate, isRealDate } from '../dates/iso-date.validator';
import { mod97CheckDigits } from './mod97.checksum';
import type { ParseResult } from './parse-result.types';

/** Why a string is not a valid NISS or BIS number. */
export type NissInvalidReason = 'NISS_FORMAT' | 'NISS_CHECK_DIGITS' | 'NISS_DATE';

/** A national register number (`niss`) or a BIS number (`bis`, people not in the register). */
export type NissKind = 'niss' | 'bis';

/** What a valid NISS or BIS number tells about its holder. */
export interface ParsedNiss {
  /** The 11 digits as given. */
  readonly value: string;
  readonly kind: NissKind;
  /** Known from the check digits, which are computed differently for births from 2000 on. */
  readonly birthYear: number;
  /** `YYYY-MM-DD`, only when month and day are both known (they may be 00). */
  readonly birthDate?: string;
  /** Sequence odd for men, even for women; unknown for BIS numbers issued with sex unknown. */
  readonly sex?: 'M' | 'F';
}

const ELEVEN_DIGITS = /^\d{11}$/;
/** BIS numbers add 20 (sex unknown) or 40 (sex known) to the month. */
const BIS_SEX_UNKNOWN_OFFSET = 20;
const BIS_SEX_KNOWN_OFFSET = 40;

/** Parses an 11-digit NISS or BIS number (no separators), checking format, check digits and date. */
export function parseNiss(input: string): ParseResult<ParsedNiss, NissInvalidReason> {
  if (!ELEVEN_DIGITS.test(input)) return { ok: false, reason: 'NISS_FORMAT' };
  const century = centuryFromCheckDigits(input);
  if (century === undefined) return { ok: false, reason: 'NISS_CHECK_DIGITS' };
  const encodedMonth = Number(input.slice(2, 4));
  const month = encodedMonth % BIS_SEX_UNKNOWN_OFFSET;
  const offset = encodedMonth - month;
  const day = Number(input.slice(4, 6));
  const year = century + Number(input.slice(0, 2));
  if (offset > BIS_SEX_KNOWN_OFFSET || month > 12 || !isPlausibleDay(year, month, day)) {
    return { ok: false, reason: 'NISS_DATE' };
  }
  const sequenceIsOdd = Number(input.slice(6, 9)) % 2 === 1;
  const sexKnown = offset !== BIS_SEX_UNKNOWN_OFFSET;
  return {
    ok: true,
    value: {
      value: input,
      kind: offset === 0 ? 'niss' : 'bis',
      birthYear: year,
      ...(month > 0 && day > 0 ? { birthDate: formatIsoDate({ year, month, day }) } : {}),
      ...(sexKnown ? { sex: sequenceIsOdd ? 'M' : 'F' } : {}),
    },
  };
}

/** True for a valid NISS or BIS number. */
export function isValidNiss(input: string): boolean {
  return parseNiss(input).ok;
}

/** 1900 or 2000 depending on which base the check digits match, undefined when neither does. */
function centuryFromCheckDigits(digits: string): 1900 | 2000 | undefined {
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  if (mod97CheckDigits(base) === check) return 1900;
  // People born from 2000 on: the check is computed on '2' followed by the nine digits.
  if (mod97CheckDigits(2_000_000_000 + base) === check) return 2000;
  return undefined;
}

/** Day 00 and month 00 mean "unknown"; a fully known date must exist. */
function isPlausibleDay(year: number, month: number, day: number): boolean {
  if (day === 0 || month === 0) return day <= 31;
  return isRealDate({ year, month, day });
}
