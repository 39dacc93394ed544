import { generateBisNumber, generateNiss, seededRandom } from '@rtw/testing';
import { isValidNiss, parseNiss } from './niss.parser';

/** Appends valid check digits to nine digits, for numbers the factory cannot build (bad dates). */
function withCheckDigits(nineDigits: string, bornFrom2000 = false): string {
  const base = Number(`${bornFrom2000 ? '2' : ''}${nineDigits}`);
  return `${nineDigits}${String(97 - (base % 97)).padStart(2, '0')}`;
}

/** The same number with check digits that are wrong for both centuries. */
function withWrongCheckDigits(niss: string): string {
  const nine = niss.slice(0, 9);
  const valid = [
    Number(withCheckDigits(nine).slice(9)),
    Number(withCheckDigits(nine, true).slice(9)),
  ];
  const wrong = [1, 2, 3]
    .map((d) => (Number(niss.slice(9)) + d) % 100)
    .find((c) => !valid.includes(c));
  return `${nine}${String(wrong).padStart(2, '0')}`;
}

describe('parseNiss', () => {
  it('derives birth date, year, sex and kind from a NISS of someone born before 2000', () => {
    const niss = generateNiss({ birthDate: '1985-07-30', sex: 'F' });
    expect(parseNiss(niss)).toEqual({
      ok: true,
      value: { value: niss, kind: 'niss', birthYear: 1985, birthDate: '1985-07-30', sex: 'F' },
    });
  });

  it('places a number in the 2000s when its check digits are computed on the 2-prefixed base', () => {
    const niss = generateNiss({ birthDate: '2017-07-30', sex: 'M' });
    expect(parseNiss(niss)).toMatchObject({
      ok: true,
      value: { birthYear: 2017, birthDate: '2017-07-30', sex: 'M' },
    });
  });

  it('reads a BIS number with sex unknown (month + 20) without inventing a sex', () => {
    const bis = generateBisNumber({ birthDate: '1988-02-29', sex: 'unknown' });
    const result = parseNiss(bis);
    expect(result).toMatchObject({ ok: true, value: { kind: 'bis', birthDate: '1988-02-29' } });
    expect(result.ok && result.value.sex).toBeUndefined();
  });

  it('reads a BIS number with sex known (month + 40)', () => {
    const bis = generateBisNumber({ birthDate: '1990-11-02', sex: 'F' });
    expect(parseNiss(bis)).toMatchObject({
      ok: true,
      value: { kind: 'bis', birthDate: '1990-11-02', sex: 'F' },
    });
  });

  it('accepts an unknown month and day (00) and then gives only the birth year', () => {
    const niss = generateNiss({ birthDate: '1970-00-00', sex: 'M' });
    const result = parseNiss(niss);
    expect(result).toMatchObject({ ok: true, value: { birthYear: 1970 } });
    expect(result.ok && result.value.birthDate).toBeUndefined();
  });

  it.each([
    ['ten digits', '8507300332'],
    ['twelve digits', '850730033281'],
    ['the formatted form with separators', '85.07.30-033.28'],
    ['letters', '8507300332A'],
  ])('rejects %s with NISS_FORMAT', (_label, input) => {
    expect(parseNiss(input)).toEqual({ ok: false, reason: 'NISS_FORMAT' });
  });

  it('rejects wrong check digits with NISS_CHECK_DIGITS', () => {
    const niss = generateNiss({ random: seededRandom(7) });
    expect(parseNiss(withWrongCheckDigits(niss))).toEqual({
      ok: false,
      reason: 'NISS_CHECK_DIGITS',
    });
  });

  it.each([
    ['month 13', '851301001'],
    ['31 April', '850431001'],
    ['29 February in a common year', '850229001'],
    ['month 60 (no such BIS offset)', '856001001'],
    ['day 32 with an unknown month', '850032001'],
  ])('rejects %s with NISS_DATE even when the check digits match', (_label, nine) => {
    expect(parseNiss(withCheckDigits(nine))).toEqual({ ok: false, reason: 'NISS_DATE' });
  });

  it('judges the date in the century the check digits point to (29 February 2000 exists)', () => {
    expect(parseNiss(withCheckDigits('000229002', true))).toMatchObject({
      ok: true,
      value: { birthDate: '2000-02-29' },
    });
  });

  it('parses a few hundred generated numbers back to their birth date and sex', () => {
    const random = seededRandom(2024);
    for (let i = 0; i < 300; i += 1) {
      const sex = random() < 0.5 ? 'M' : 'F';
      const niss = generateNiss({ sex, random });
      const parsed = parseNiss(niss);
      expect(parsed).toMatchObject({ ok: true, value: { sex, kind: 'niss' } });
      expect(parsed.ok && parsed.value.birthDate?.slice(2).replaceAll('-', '')).toBe(
        niss.slice(0, 6),
      );
    }
  });
});

describe('isValidNiss', () => {
  it('is true for a generated number and false for the same number with wrong check digits', () => {
    const niss = generateNiss();
    expect(isValidNiss(niss)).toBe(true);
    expect(isValidNiss(withWrongCheckDigits(niss))).toBe(false);
  });
});
