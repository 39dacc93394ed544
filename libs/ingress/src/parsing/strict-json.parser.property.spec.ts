import fc from 'fast-check';
import { fuzzParameters } from '@rtw/testing';
import { IngressError } from '../errors/ingress.error';
import { DEFAULT_MAX_DEPTH, parseStrictJson, parseStrictJsonBytes } from './strict-json.parser';

const PARSE_CODES = ['MALFORMED_JSON', 'JSON_DUPLICATE_KEY', 'JSON_FORBIDDEN_KEY', 'JSON_TOO_DEEP'];

type Outcome = { ok: true; value: unknown } | { ok: false; code: string };

/** What parsing gave; anything thrown but an IngressError fails the property as it is. */
function outcomeOf(parse: () => unknown): Outcome {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (!(error instanceof IngressError)) throw error;
    return { ok: false, code: error.code };
  }
}

function jsonParse(text: string): Outcome {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, code: 'MALFORMED_JSON' };
  }
}

/**
 * The strict parser against JSON.parse on the same text: it never accepts what JSON.parse refuses
 * nor reads it differently, and it refuses valid JSON only for its own reasons (a duplicate or
 * forbidden key, too deep), never as malformed. Invalid JSON may be refused for the first fault
 * found, which can be one of its own (a forbidden key before the text breaks off).
 */
function agreesWithJsonParse(text: string): void {
  const strict = outcomeOf(() => parseStrictJson(text));
  const reference = jsonParse(text);
  if (strict.ok) expect(reference).toEqual({ ok: true, value: strict.value });
  else if (reference.ok)
    expect(['JSON_DUPLICATE_KEY', 'JSON_FORBIDDEN_KEY', 'JSON_TOO_DEEP']).toContain(strict.code);
  else expect(PARSE_CODES).toContain(strict.code);
}

// Tokens that JSON is made of, and some that it is not, for texts close to JSON.
const JSON_PIECES = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  '\\',
  '\\u',
  '\\"',
  'a',
  '0',
  '1',
  '-',
  '+',
  'e',
  '.',
  ' ',
  '\n',
  'true',
  'null',
  'fals',
  '"k"',
  '"__proto__"',
  '"constructor"',
  '\u0000',
  '\ud800',
  '\u2028',
  'NaN',
);

/** Edits applied to a valid JSON text: insert, delete or replace one character. */
const edits = fc.array(
  fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 2 }),
    insert: fc.string({ unit: 'binary', maxLength: 2 }),
  }),
  { maxLength: 4 },
);

describe('parseStrictJson under generated input', () => {
  it('throws nothing but an IngressError with a parse code on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const outcome = outcomeOf(() => parseStrictJsonBytes(bytes));
        if (!outcome.ok) expect(PARSE_CODES).toContain(outcome.code);
      }),
      fuzzParameters(1000),
    );
  });

  it('agrees with JSON.parse on arbitrary Unicode text, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), agreesWithJsonParse),
      fuzzParameters(1000),
    );
  });

  it('agrees with JSON.parse on texts built from JSON tokens', () => {
    fc.assert(
      fc.property(fc.array(JSON_PIECES, { maxLength: 60 }), (pieces) =>
        agreesWithJsonParse(pieces.join('')),
      ),
      fuzzParameters(2000),
    );
  });

  it('reads any JSON document as JSON.parse does, compact or indented', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, indented) =>
        agreesWithJsonParse(JSON.stringify(value, null, indented ? 2 : undefined)),
      ),
      fuzzParameters(1000),
    );
  });

  it('agrees with JSON.parse on valid documents with a few characters changed', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), edits, (value, changes) => {
        let text = JSON.stringify(value);
        for (const change of changes) {
          const at = text.length === 0 ? 0 : change.at % (text.length + 1);
          text = text.slice(0, at) + change.insert + text.slice(at + change.remove);
        }
        agreesWithJsonParse(text);
      }),
      fuzzParameters(2000),
    );
  });

  it(`refuses nesting deeper than ${DEFAULT_MAX_DEPTH} levels as JSON_TOO_DEEP, and only that`, () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
        (depth, objects) => {
          const open = objects.slice(0, depth).map((object) => (object ? '{"k":' : '['));
          const close = objects
            .slice(0, depth)
            .reverse()
            .map((object) => (object ? '}' : ']'));
          const outcome = outcomeOf(() => parseStrictJson(`${open.join('')}1${close.join('')}`));
          expect(outcome.ok ? 'ok' : outcome.code).toBe(
            depth > DEFAULT_MAX_DEPTH ? 'JSON_TOO_DEEP' : 'ok',
          );
        },
      ),
      fuzzParameters(300),
    );
  });
});
