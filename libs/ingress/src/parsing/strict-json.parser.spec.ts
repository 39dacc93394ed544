import { generateNiss } from '@rtw/testing';
import { IngressError } from '../errors/ingress.error';
import { parseStrictJson, parseStrictJsonBytes } from './strict-json.parser';

function refusal(text: string): { code: string; pointer?: string } {
  try {
    parseStrictJson(text);
  } catch (error) {
    if (error instanceof IngressError) return { code: error.code, pointer: error.pointer };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseStrictJson', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    const text = ' {"a":[1,-2.5e3,true,false,null,{"b":"x\\u00e9\\n\\"y"}],"c":{},"d":[]} ';
    expect(parseStrictJson(text)).toEqual(JSON.parse(text));
  });

  it('refuses a key that appears twice in one object, pointing at it', () => {
    expect(refusal('{"data":{"niss":"1","niss":"2"}}')).toEqual({
      code: 'JSON_DUPLICATE_KEY',
      pointer: '/data/niss',
    });
  });

  it('accepts the same key in sibling objects', () => {
    expect(parseStrictJson('[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses the prototype-reaching key %s at any depth',
    (key) => {
      expect(refusal(`{"data":[{"${key}":{"x":1}}]}`)).toEqual({
        code: 'JSON_FORBIDDEN_KEY',
        pointer: `/data/0/${key}`,
      });
      expect(({} as Record<string, unknown>)['x']).toBeUndefined();
    },
  );

  it('redacts a duplicate key that does not look like a field name', () => {
    const niss = generateNiss();
    expect(refusal(`{"${niss}":1,"${niss}":2}`)).toEqual({
      code: 'JSON_DUPLICATE_KEY',
      pointer: '/(redacted)',
    });
  });

  it.each([
    ['truncated object', '{"a":1'],
    ['trailing comma', '{"a":1,}'],
    ['single quotes', "{'a':1}"],
    ['leading zero', '[01]'],
    ['bare word', '[undefined]'],
    ['two documents', '{} {}'],
    ['control character in a string', '["a\u0001b"]'],
    ['bad escape', '["\\x41"]'],
    ['nothing but spaces', '   '],
  ])('refuses malformed JSON: %s', (_what, text) => {
    expect(refusal(text).code).toBe('MALFORMED_JSON');
  });

  it('refuses nesting deeper than the limit', () => {
    expect(refusal('['.repeat(40) + ']'.repeat(40)).code).toBe('JSON_TOO_DEEP');
  });

  it('never quotes the input in its message', () => {
    const niss = generateNiss();
    try {
      parseStrictJson(`{"niss": ${niss}x}`);
    } catch (error) {
      expect((error as Error).message).not.toContain(niss);
      return;
    }
    throw new Error('expected a refusal');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => parseStrictJsonBytes(Buffer.from([0x22, 0xff, 0x22]))).toThrow(
      expect.objectContaining({ code: 'MALFORMED_JSON' }),
    );
    expect(parseStrictJsonBytes(Buffer.from('"ok"'))).toBe('ok');
  });
});
