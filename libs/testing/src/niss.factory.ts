// Generators of valid Belgian test identifiers (NISS, BIS and enterprise numbers). Self-contained on
// purpose: the domain's parsers are tested against numbers built by an independent implementation.
// Values are synthetic; never replace them with numbers copied from documents or real people.

/** A source of numbers in [0, 1), like Math.random; pass `seededRandom(n)` for reproducible data. */
export type RandomSource = () => number;

/** Options for a generated NISS. */
export interface NissFactoryOptions {
  /** `YYYY-MM-DD`; month and day may be `00` (unknown). Random between 1950 and 2005 if absent. */
  readonly birthDate?: string;
  readonly sex?: 'M' | 'F';
  readonly random?: RandomSource;
}

/** Options for a generated BIS number; `sex: 'unknown'` adds 20 to the month, a known sex 40. */
export interface BisFactoryOptions extends Omit<NissFactoryOptions, 'sex'> {
  readonly sex?: 'M' | 'F' | 'unknown';
}

/** A deterministic random source (mulberry32), for tests that need the same numbers every run. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A valid national register number (11 digits, no separators). */
export function generateNiss(options: NissFactoryOptions = {}): string {
  const random = options.random ?? Math.random;
  const sex = options.sex ?? (random() < 0.5 ? 'M' : 'F');
  return buildNumber(options.birthDate ?? randomBirthDate(random), 0, sex, random);
}

/** A valid BIS number (month + 20 when the sex is unknown, + 40 when it is known). */
export function generateBisNumber(options: BisFactoryOptions = {}): string {
  const random = options.random ?? Math.random;
  const sex = options.sex ?? 'unknown';
  const birthDate = options.birthDate ?? randomBirthDate(random);
  if (sex === 'unknown') return buildNumber(birthDate, 20, random() < 0.5 ? 'M' : 'F', random);
  return buildNumber(birthDate, 40, sex, random);
}

/** A valid enterprise (KBO/BCE) number: 10 digits starting with 0 or 1, mod-97 check digits. */
export function generateEnterpriseNumber(options: { random?: RandomSource } = {}): string {
  const random = options.random ?? Math.random;
  const first = random() < 0.5 ? '0' : '1';
  // At least 1 after the leading digit, so that the base is never zero.
  const rest = String(1 + Math.floor(random() * 9_999_999)).padStart(7, '0');
  const base = `${first}${rest}`;
  return `${base}${pad(97 - (Number(base) % 97), 2)}`;
}

function buildNumber(birthDate: string, monthOffset: number, sex: 'M' | 'F', random: RandomSource) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) throw new Error('birthDate must be YYYY-MM-DD (month and day may be 00)');
  const [, year = '', month = '', day = ''] = match;
  const base = `${year.slice(2)}${pad(Number(month) + monthOffset, 2)}${day}${randomSequence(sex, random)}`;
  // Births from 2000 on compute the check on '2' followed by the nine digits.
  const checked = Number(year) >= 2000 ? 2_000_000_000 + Number(base) : Number(base);
  return `${base}${pad(97 - (checked % 97), 2)}`;
}

/** Sequence 001-997: odd for men, even for women. */
function randomSequence(sex: 'M' | 'F', random: RandomSource): string {
  const half = Math.floor(random() * 498); // 0..497
  const sequence = sex === 'M' ? 2 * half + 1 : 2 * half + 2;
  return pad(Math.min(sequence, 997 - (sex === 'M' ? 0 : 1)), 3);
}

function randomBirthDate(random: RandomSource): string {
  const from = Date.UTC(1950, 0, 1);
  const to = Date.UTC(2005, 11, 31);
  return new Date(from + Math.floor(random() * (to - from))).toISOString().slice(0, 10);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
