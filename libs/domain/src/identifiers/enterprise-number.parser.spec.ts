import { generateEnterpriseNumber, seededRandom } from '@rtw/testing';
import { isValidEnterpriseNumber, parseEnterpriseNumber } from './enterprise-number.parser';

describe('parseEnterpriseNumber', () => {
  it('accepts generated numbers starting with 0 and with 1', () => {
    const random = seededRandom(11);
    const numbers = Array.from({ length: 50 }, () => generateEnterpriseNumber({ random }));
    expect(new Set(numbers.map((n) => n[0]))).toEqual(new Set(['0', '1']));
    for (const number of numbers)
      expect(parseEnterpriseNumber(number)).toEqual({ ok: true, value: number });
  });

  it('rejects a number whose last two digits are not 97 - (first 8 mod 97)', () => {
    const number = generateEnterpriseNumber();
    const wrong = `${number.slice(0, 8)}${String((Number(number.slice(8)) + 1) % 100).padStart(2, '0')}`;
    expect(parseEnterpriseNumber(wrong)).toEqual({
      ok: false,
      reason: 'ENTERPRISE_NUMBER_CHECK_DIGITS',
    });
  });

  it.each([
    ['a first digit other than 0 or 1', '2123456789'],
    ['nine digits', '012345678'],
    ['the dotted form', '0123.456.749'],
    ['letters', 'BE01234567'],
  ])('rejects %s with ENTERPRISE_NUMBER_FORMAT', (_label, input) => {
    expect(parseEnterpriseNumber(input)).toEqual({ ok: false, reason: 'ENTERPRISE_NUMBER_FORMAT' });
  });

  it('isValidEnterpriseNumber mirrors the parser', () => {
    expect(isValidEnterpriseNumber(generateEnterpriseNumber())).toBe(true);
    expect(isValidEnterpriseNumber('2123456789')).toBe(false);
  });
});
