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

  it('accepts text in any script, with accents, emoji and joiners', () => {
    for (const text of [
      'Dupont-Lefèvre',
      "D'Hondt",
      'Ørsted Åsa',
      'Çelik Ağaoğlu',
      'Łukasz Żółć',
      'Nguyễn Thị',
      'محمد',
      'שלום',
      '王小明',
      '👩‍🔧 rue du Marché 12 bte 3',
      'São Tomé',
      '',
    ]) {
      expect(accepts('human-text', text)).toBe(true);
    }
  });

  it.each([
    ['NUL', 'ab\u0000c'],
    ['ESC of an ANSI colour sequence', '\u001b[31mred\u001b[0m'],
    ['TAB', 'a\tb'],
    ['LF', 'line\nbreak'],
    ['CR', 'line\rbreak'],
    ['DEL', 'a\u007fb'],
    ['C1 NEL', 'a\u0085b'],
    ['C1 CSI', 'a\u009bb'],
    ['line separator', 'a\u2028b'],
    ['paragraph separator', 'a\u2029b'],
    ['LRE', 'a\u202ab'],
    ['RLO', 'a\u202eb'],
    ['LRI', 'a\u2066b'],
    ['PDI', 'a\u2069b'],
    ['U+FFFE', 'a\ufffeb'],
    ['U+FFFF', 'a\uffffb'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone high surrogate at the end', 'ab\ud83d'],
    ['a lone low surrogate', 'a\udc00b'],
    ['two high surrogates', '\ud83d\ud83d'],
  ])('refuses human text containing %s', (_label, text) => {
    expect(accepts('human-text', text)).toBe(false);
  });

  it('accepts a dossier id only as a lower-case UUID, never the nil or max UUID', () => {
    const id = '4bd5a7a2-1884-4ced-b609-1ee872c8c41c';
    expect(accepts('dossier-id', id)).toBe(true);
    expect(accepts('dossier-id', id.toUpperCase())).toBe(false);
    expect(accepts('dossier-id', `{${id}}`)).toBe(false);
    expect(accepts('dossier-id', id.replace(/-/g, ''))).toBe(false);
    expect(accepts('dossier-id', '00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(accepts('dossier-id', 'ffffffff-ffff-ffff-ffff-ffffffffffff')).toBe(false);
  });

  it('registers every semantic format for strings only (strict mode wants the type declared)', () => {
    expect(Object.keys(SEMANTIC_FORMATS).sort()).toEqual([
      'be-postal-code',
      'date',
      'dossier-id',
      'enterprise-number',
      'human-text',
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
