import {
  generateBisNumber,
  generateEnterpriseNumber,
  generateNiss,
  seededRandom,
} from '@rtw/testing';
import { createAjv } from './ajv.factory';
import { SEMANTIC_FORMATS } from './semantic.formats';

const random = seededRandom(7);
const breakCheckDigits = (digits: string, width: number) =>
  digits.slice(0, -width) +
  String((Number(digits.slice(-width)) + 1) % 10 ** width).padStart(width, '0');

describe('semantic formats', () => {
  const ajv = createAjv();
  const accepts = (format: string, value: unknown) =>
    ajv.validate({ type: 'string', format }, value);

  it('accepts generated NISS numbers for births before and after 2000, and BIS numbers', () => {
    expect(accepts('niss', generateNiss({ birthDate: '1968-02-29', random }))).toBe(true);
    expect(accepts('niss', generateNiss({ birthDate: '2004-07-01', random }))).toBe(true);
    expect(accepts('niss', generateBisNumber({ sex: 'unknown', random }))).toBe(true);
    expect(accepts('niss', generateBisNumber({ sex: 'F', random }))).toBe(true);
  });

  it('rejects a NISS with wrong check digits or the wrong length', () => {
    const niss = generateNiss({ random });
    expect(accepts('niss', breakCheckDigits(niss, 2))).toBe(false);
    expect(accepts('niss', niss.slice(1))).toBe(false);
  });

  it('checks enterprise numbers with their mod-97 check digits', () => {
    const number = generateEnterpriseNumber({ random });
    expect(accepts('enterprise-number', number)).toBe(true);
    expect(accepts('enterprise-number', breakCheckDigits(number, 2))).toBe(false);
  });

  it('accepts Belgian postal codes 1000 to 9999 only', () => {
    expect(['1000', '4700', '9999'].map((code) => accepts('be-postal-code', code))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['0999', '999', '10000', '1O00'].map((code) => accepts('be-postal-code', code))).toEqual(
      [false, false, false, false],
    );
  });

  it('accepts insurer codes from the reference data only', () => {
    expect(accepts('insurer-code', '100')).toBe(true);
    expect(accepts('insurer-code', '999')).toBe(false);
  });

  it('accepts only dates that exist in the calendar', () => {
    expect(accepts('date', '2024-02-29')).toBe(true);
    expect(accepts('date', '2023-02-29')).toBe(false);
    expect(accepts('date', '2023-02-30')).toBe(false);
    expect(accepts('date', '2023-2-3')).toBe(false);
  });

  it('registers every semantic format for strings only (strict mode wants the type declared)', () => {
    expect(Object.keys(SEMANTIC_FORMATS).sort()).toEqual([
      'be-postal-code',
      'date',
      'enterprise-number',
      'insurer-code',
      'niss',
    ]);
    expect(() => ajv.compile({ format: 'niss' })).toThrow(/strictTypes/);
  });

  it('refuses schemas with unknown keywords or an invalid personal-data marker (strict mode)', () => {
    expect(() => ajv.compile({ type: 'string', 'x-owner': 'me' })).toThrow(/unknown keyword/);
    expect(() => ajv.compile({ type: 'string', 'x-personal-data': 'shoe-size' })).toThrow();
    expect(() => ajv.compile({ type: 'string', 'x-personal-data': 'name' })).not.toThrow();
  });
});
