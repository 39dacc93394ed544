import type { JsonSchema, JsonSchemaObject } from '../registry/schema-document.types';
import { type BreakingRule, findReaderRejections } from './schema.diff';

const definitions = new Map<string, JsonSchemaObject>([
  [
    'urn:rtw:schema:common:day',
    { $id: 'urn:rtw:schema:common:day', type: 'string', format: 'date' },
  ],
]);
const object = (
  properties: Record<string, JsonSchema>,
  required: string[] = [],
  extra: JsonSchemaObject = {},
) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
  ...extra,
});
/** Rules reported when data written under `writer` is read with `reader`. */
const rules = (writer: JsonSchema, reader: JsonSchema): Array<[string, BreakingRule]> =>
  findReaderRejections({ root: writer, definitions }, { root: reader, definitions }).map((c) => [
    c.pointer,
    c.rule,
  ]);

describe('findReaderRejections', () => {
  it('finds nothing between identical schemas or when only annotations change', () => {
    const schema = object({ a: { type: 'string', title: 'A' } }, ['a']);
    expect(rules(schema, schema)).toEqual([]);
    expect(
      rules(
        schema,
        object({ a: { type: 'string', title: 'Renamed', description: 'New words' } }, ['a']),
      ),
    ).toEqual([]);
  });

  it('reports a newly required property and an optional one becoming required', () => {
    expect(
      rules(
        object({ a: { type: 'string' } }),
        object({ a: { type: 'string' }, b: { type: 'string' } }, ['a', 'b']),
      ),
    ).toEqual([
      ['/a', 'REQUIRED_ADDED'],
      ['/b', 'REQUIRED_ADDED'],
    ]);
  });

  it('accepts a new optional property but reports a removed one in a closed model', () => {
    expect(
      rules(
        object({ a: { type: 'string' } }),
        object({ a: { type: 'string' }, b: { type: 'string' } }),
      ),
    ).toEqual([]);
    expect(
      rules(
        object({ a: { type: 'string' }, b: { type: 'string' } }),
        object({ a: { type: 'string' } }),
      ),
    ).toEqual([['/b', 'PROPERTY_REMOVED']]);
  });

  it('reports narrowed or changed types and accepts widening integer to number', () => {
    expect(rules({ type: 'number' }, { type: 'integer' })).toEqual([['', 'TYPE_CHANGED']]);
    expect(rules({ type: 'string' }, { type: 'boolean' })).toEqual([['', 'TYPE_CHANGED']]);
    expect(rules({ type: ['string', 'null'] }, { type: 'string' })).toEqual([['', 'TYPE_CHANGED']]);
    expect(rules({ type: 'integer' }, { type: 'number' })).toEqual([]);
  });

  it('reports removed enum values, a new enum and a changed const; accepts added enum values', () => {
    expect(rules({ type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['a'] })).toEqual([
      ['', 'ENUM_VALUE_REMOVED'],
    ]);
    expect(rules({ type: 'string', enum: ['a'] }, { type: 'string', enum: ['a', 'b'] })).toEqual(
      [],
    );
    expect(rules({ type: 'string' }, { type: 'string', enum: ['a'] })).toEqual([
      ['', 'ENUM_ADDED'],
    ]);
    expect(rules({ type: 'string', const: 'a' }, { type: 'string', const: 'b' })).toEqual([
      ['', 'CONST_CHANGED'],
    ]);
    expect(rules({ type: 'string', const: 'a' }, { type: 'string', enum: ['a', 'b'] })).toEqual([]);
  });

  it('reports added formats and patterns', () => {
    expect(rules({ type: 'string' }, { type: 'string', format: 'date' })).toEqual([
      ['', 'FORMAT_ADDED'],
    ]);
    expect(rules({ type: 'string', pattern: '^a' }, { type: 'string', pattern: '^ab' })).toEqual([
      ['', 'PATTERN_CHANGED'],
    ]);
    expect(rules({ type: 'string', format: 'date', pattern: '^a' }, { type: 'string' })).toEqual(
      [],
    );
  });

  it('reports tightened bounds and accepts loosened ones', () => {
    expect(rules({ type: 'string', maxLength: 10 }, { type: 'string', maxLength: 5 })).toEqual([
      ['', 'BOUND_TIGHTENED'],
    ]);
    expect(rules({ type: 'integer', minimum: 1 }, { type: 'integer', minimum: 2 })).toEqual([
      ['', 'BOUND_TIGHTENED'],
    ]);
    expect(rules({ type: 'array' }, { type: 'array', minItems: 1 })).toEqual([
      ['', 'BOUND_TIGHTENED'],
    ]);
    expect(rules({ type: 'array' }, { type: 'array', uniqueItems: true })).toEqual([
      ['', 'BOUND_TIGHTENED'],
    ]);
    expect(
      rules(
        { type: 'integer', minimum: 2, maximum: 5 },
        { type: 'integer', minimum: 1, maximum: 9 },
      ),
    ).toEqual([]);
  });

  it('reports closing an open object model', () => {
    const open = { type: 'object', properties: { a: { type: 'string' } } };
    expect(rules(open, { ...open, additionalProperties: false })).toEqual([
      ['', 'ADDITIONAL_PROPERTIES_CLOSED'],
    ]);
    expect(rules({ ...open, additionalProperties: false }, open)).toEqual([]);
  });

  it('walks nested objects, array items and $ref targets', () => {
    const before = object({
      list: { type: 'array', items: object({ on: { type: 'string' } }, ['on']) },
    });
    const after = object({
      list: { type: 'array', items: object({ on: { $ref: 'urn:rtw:schema:common:day' } }, ['on']) },
    });
    expect(rules(before, after)).toEqual([['/list/*/on', 'FORMAT_ADDED']]);
    expect(rules(after, before)).toEqual([]);
  });

  it('reports combinators it cannot reason about instead of passing them', () => {
    expect(rules({ type: 'string' }, { type: 'string', not: { const: 'x' } })).toEqual([
      ['', 'UNSUPPORTED_CHANGE'],
    ]);
    expect(rules({ type: 'string', anyOf: [{ minLength: 1 }] }, { type: 'string' })).toEqual([]);
  });

  it('fails loudly on a $ref it cannot resolve', () => {
    expect(() => rules({ type: 'string' }, { $ref: 'urn:rtw:schema:common:missing' })).toThrow(
      /cannot resolve/,
    );
  });
});
