// A JSON parser that refuses what JSON.parse silently accepts: duplicate keys (which copy wins
// differs between parsers, so a validator and a consumer could read different events), keys that
// reach object prototypes in careless consumers, and nesting deep enough to exhaust a stack.
import { IngressError } from '../errors/ingress.error';
import { pointerOf } from './json-pointer';

/** Keys refused anywhere in a document: they pollute prototypes in consumers that merge objects. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Nesting deeper than this is refused; real events nest four or five levels. */
export const DEFAULT_MAX_DEPTH = 32;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const LITERALS: ReadonlyArray<[string, unknown]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/** Parses UTF-8 bytes strictly (see file comment); invalid UTF-8 is malformed too. */
export function parseStrictJsonBytes(bytes: Uint8Array, maxDepth = DEFAULT_MAX_DEPTH): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw malformed('body is not valid UTF-8');
  }
  return parseStrictJson(text, maxDepth);
}

/** Parses a JSON text strictly; throws an IngressError naming the fault and where it is. */
export function parseStrictJson(text: string, maxDepth = DEFAULT_MAX_DEPTH): unknown {
  return new StrictParser(text, maxDepth).document();
}

class StrictParser {
  private pos = 0;
  /** Reference tokens of the value being parsed, for error pointers. */
  private readonly path: string[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  document(): unknown {
    this.skipWhitespace();
    const value = this.value();
    this.skipWhitespace();
    if (this.pos !== this.text.length)
      throw malformed(`unexpected content after the JSON value at position ${this.pos}`);
    return value;
  }

  private value(): unknown {
    const char = this.text[this.pos];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    for (const [word, literal] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return literal;
      }
    }
    throw malformed(
      char === undefined
        ? 'unexpected end of the JSON text'
        : `unexpected character at position ${this.pos}`,
    );
  }

  private object(): Record<string, unknown> {
    this.enter();
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.pos += 1;
    this.skipWhitespace();
    if (this.take('}')) return result;
    for (;;) {
      if (this.text[this.pos] !== '"')
        throw malformed(`expected a property name at position ${this.pos}`);
      const key = this.string();
      this.path.push(key);
      if (FORBIDDEN_KEYS.has(key))
        throw new IngressError({
          code: 'JSON_FORBIDDEN_KEY',
          message: 'property name is not allowed',
          pointer: pointerOf(this.path),
        });
      if (seen.has(key))
        throw new IngressError({
          code: 'JSON_DUPLICATE_KEY',
          message: 'property appears twice in one object',
          pointer: pointerOf(this.path),
        });
      seen.add(key);
      this.skipWhitespace();
      this.expect(':');
      this.skipWhitespace();
      result[key] = this.value();
      this.path.pop();
      this.skipWhitespace();
      if (this.take('}')) return result;
      this.expect(',');
      this.skipWhitespace();
    }
  }

  private array(): unknown[] {
    this.enter();
    const result: unknown[] = [];
    this.pos += 1;
    this.skipWhitespace();
    if (this.take(']')) return result;
    for (;;) {
      this.path.push(String(result.length));
      result.push(this.value());
      this.path.pop();
      this.skipWhitespace();
      if (this.take(']')) return result;
      this.expect(',');
      this.skipWhitespace();
    }
  }

  private string(): string {
    const start = this.pos;
    let index = start + 1;
    for (;;) {
      const code = this.text.charCodeAt(index);
      if (Number.isNaN(code)) throw malformed('unterminated string');
      if (code < 0x20) throw malformed(`control character inside a string at position ${index}`);
      if (code === 0x5c) index += 2;
      else if (code === 0x22) break;
      else index += 1;
    }
    this.pos = index + 1;
    try {
      // The scan found the string's extent; JSON.parse decodes and checks its escapes.
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch {
      throw malformed(`invalid escape inside a string at position ${start}`);
    }
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (match === null) throw malformed(`invalid number at position ${this.pos}`);
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private enter(): void {
    if (this.path.length >= this.maxDepth) {
      throw new IngressError({
        code: 'JSON_TOO_DEEP',
        message: `JSON nests deeper than ${this.maxDepth} levels`,
        pointer: pointerOf(this.path),
      });
    }
  }

  private take(char: string): boolean {
    if (this.text[this.pos] !== char) return false;
    this.pos += 1;
    return true;
  }

  private expect(char: string): void {
    if (!this.take(char)) throw malformed(`expected '${char}' at position ${this.pos}`);
  }

  private skipWhitespace(): void {
    while (WHITESPACE.has(this.text[this.pos] ?? '')) this.pos += 1;
  }
}

/** Positions are safe to report; the text around them is not (it may be personal data). */
function malformed(message: string): IngressError {
  return new IngressError({ code: 'MALFORMED_JSON', message });
}
