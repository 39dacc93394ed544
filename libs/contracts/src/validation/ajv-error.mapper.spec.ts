import { generateNiss } from '@rtw/testing';
import { createAjv } from '../formats/ajv.factory';
import { REDACTED_PROPERTY, escapePointerToken, mapAjvErrors } from './ajv-error.mapper';

const schema = {
  type: 'object',
  required: ['name', 'kind'],
  properties: {
    name: { type: 'string', minLength: 2 },
    kind: { type: 'string', enum: ['a', 'b'] },
    count: { type: 'integer', minimum: 1 },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 1 },
    'a/b': { type: 'string' },
  },
  additionalProperties: false,
};

describe('mapAjvErrors', () => {
  const validate = createAjv().compile(schema);
  const issuesFor = (value: unknown, base = '') => {
    validate(value);
    return mapAjvErrors(validate.errors, base);
  };

  it('points at the missing property itself for required errors', () => {
    expect(issuesFor({ name: 'xy' }, '/data')).toEqual([
      { pointer: '/data/kind', code: 'SCHEMA_REQUIRED', message: 'required property is missing' },
    ]);
  });

  it('names the allowed values of an enum, never the value received', () => {
    expect(issuesFor({ name: 'xy', kind: 'secret-value' })).toEqual([
      { pointer: '/kind', code: 'SCHEMA_ENUM', message: 'must be one of: a, b' },
    ]);
  });

  it.each([
    [{ name: 5, kind: 'a' }, '/name', 'SCHEMA_TYPE'],
    [{ name: 'x', kind: 'a' }, '/name', 'SCHEMA_LENGTH'],
    [{ name: 'xy', kind: 'a', count: 0 }, '/count', 'SCHEMA_RANGE'],
    [{ name: 'xy', kind: 'a', tags: ['p', 'q'] }, '/tags', 'SCHEMA_ITEMS'],
    [{ name: 'xy', kind: 'a', tags: [3] }, '/tags/0', 'SCHEMA_TYPE'],
    [{ name: 'xy', kind: 'a', 'a/b': 1 }, '/a~1b', 'SCHEMA_TYPE'],
    [{ name: 'xy', kind: 'a', colour: 'red' }, '/colour', 'SCHEMA_ADDITIONAL_PROPERTY'],
  ])('maps %j to %s %s', (value, pointer, code) => {
    expect(issuesFor(value)).toEqual([expect.objectContaining({ pointer, code })]);
  });

  it('redacts unknown property names that are not field-like', () => {
    expect(issuesFor({ name: 'xy', kind: 'a', [generateNiss()]: 1 })[0]?.pointer).toBe(
      `/${REDACTED_PROPERTY}`,
    );
    expect(issuesFor({ name: 'xy', kind: 'a', 'First Last': 1 })[0]?.pointer).toBe(
      `/${REDACTED_PROPERTY}`,
    );
  });

  it('returns no issues for a valid value and for missing error lists', () => {
    expect(issuesFor({ name: 'xy', kind: 'a' })).toEqual([]);
    expect(mapAjvErrors(null)).toEqual([]);
  });

  describe('semantic formats', () => {
    const ajv = createAjv();
    ajv.addSchema({
      $id: 'urn:rtw:schema:common:niss',
      type: 'string',
      pattern: '^[0-9]{11}$',
      format: 'niss',
    });
    const person = ajv.compile({
      type: 'object',
      properties: {
        niss: { $ref: 'urn:rtw:schema:common:niss' },
        name: { type: 'string', format: 'human-text', maxLength: 5 },
        id: { type: 'string', format: 'uuid' },
      },
    });
    const semanticSchemas = new Map([['urn:rtw:schema:common:niss', 'niss' as const]]);
    const issueFor = (value: unknown) => {
      person(value);
      return mapAjvErrors(person.errors, '/data', semanticSchemas)[0];
    };
    const niss = generateNiss();

    it('gives a NISS failing its check digits the code the domain uses', () => {
      const wrong = niss.slice(0, 9) + String((Number(niss.slice(9)) + 1) % 100).padStart(2, '0');
      expect(issueFor({ niss: wrong })).toEqual({
        pointer: '/data/niss',
        code: 'NISS_INVALID',
        message: expect.stringContaining('NISS or BIS number') as string,
      });
    });

    it('gives the same code when the shared schema refuses the shape (pattern) first', () => {
      expect(issueFor({ niss: niss.slice(1) })).toMatchObject({ code: 'NISS_INVALID' });
    });

    it('keeps SCHEMA_TYPE for a value of the wrong JSON type', () => {
      expect(issueFor({ niss: 85 })).toMatchObject({ code: 'SCHEMA_TYPE' });
    });

    it('names a forbidden character in human text with its own code, and the field length apart', () => {
      expect(issueFor({ name: 'a\u0000' })).toMatchObject({
        pointer: '/data/name',
        code: 'TEXT_FORBIDDEN_CHARACTER',
      });
      expect(issueFor({ name: 'abcdef' })).toMatchObject({ code: 'SCHEMA_LENGTH' });
    });

    it('keeps SCHEMA_FORMAT for standard formats', () => {
      expect(issueFor({ id: 'nope' })).toMatchObject({ code: 'SCHEMA_FORMAT' });
    });
  });

  it('escapes ~ and / in pointer tokens (RFC 6901)', () => {
    expect(escapePointerToken('a~b/c')).toBe('a~0b~1c');
  });
});
