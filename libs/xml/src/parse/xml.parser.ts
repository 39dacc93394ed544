import { Parser } from 'xml2js';
import { XmlError } from '../errors/xml.error';
import { REDACTED_NAME } from '../errors/safe-name';
import type { XmlElement } from './xml-element.types';
import { decodeXmlInput } from './xml-input.guard';
import { type XmlLimits, resolveLimits } from './xml-limits';

/**
 * Names that would reach an object's prototype machinery if a consumer ever used them as keys.
 * xml2js stores them as own properties, but a later merge or spread could still pollute a
 * prototype, so documents using them are refused outright.
 */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

// Keys xml2js adds next to child names. `$` cannot start an XML name, so these never collide
// with an element called `_` or `text`.
const ATTRS = '$';
const TEXT = '$text';
const NS = '$ns';

interface RawAttribute {
  readonly value: string;
  readonly prefix: string;
  readonly local: string;
}
type RawNode = Record<string, unknown>;
interface SaxHandle {
  onopentag: (node: { name: string }) => void;
  onclosetag: (name: string) => void;
  ontext: (text: string) => void;
  onerror: (error: unknown) => void;
  onattribute?: (attribute: { name: string }) => void;
}

/**
 * Parses an untrusted XML document with xml2js (sax, strict mode) after decodeXmlInput's checks:
 * refuses DTDs, names in FORBIDDEN_NAMES, nesting deeper than the limit and anything after the
 * root element. Synchronous: xml2js calls back before parseString returns when `async` is off.
 */
export function parseXml(raw: Uint8Array | string, overrides?: Partial<XmlLimits>): XmlElement {
  const limits = resolveLimits(overrides);
  const text = decodeXmlInput(raw, limits);
  const parser = new Parser({
    strict: true,
    async: false,
    xmlns: true,
    explicitRoot: true,
    explicitArray: true,
    explicitCharkey: true,
    attrkey: ATTRS,
    charkey: TEXT,
    xmlnskey: NS,
    trim: false,
    normalize: false,
  } as ConstructorParameters<typeof Parser>[0]);
  const guard = guardStructure(parser, limits);
  const [rootName, root] = Object.entries(run(parser, text, guard))[0] ?? [];
  if (rootName === undefined || root === null || typeof root !== 'object') throw noRoot();
  return toElement(rootName, root as RawNode);
}

function run(parser: Parser, text: string, guard: GuardState): RawNode {
  let outcome: { root: unknown } | { error: unknown } | undefined;
  try {
    parser.parseString(text, (error, root) => {
      outcome ??= error ? { error } : { root };
    });
  } catch (error) {
    // xml2js may throw after calling back: once the root closes it resets and has no listener.
    outcome = { error };
  }
  if (guard.failure !== undefined) throw asXmlError(guard.failure);
  if (outcome === undefined || 'error' in outcome) throw asXmlError(outcome?.error);
  if (outcome.root === null || typeof outcome.root !== 'object') throw noRoot();
  return outcome.root as RawNode;
}

/** What the sax guard saw go wrong, kept apart from xml2js's own error reporting. */
interface GuardState {
  failure?: unknown;
}

/**
 * Watches xml2js's sax parser: refuses over-deep nesting and forbidden attribute names while the
 * document is read, and records the first failure itself. After the root element closes xml2js
 * resets and drops later sax errors (text or a second root after the root), so they are caught
 * here and not lost.
 */
function guardStructure(parser: Parser, limits: XmlLimits): GuardState {
  const sax = (parser as unknown as { saxParser?: SaxHandle }).saxParser;
  if (!sax) throw new Error('xml2js no longer exposes its sax parser; the XML guard needs it');
  const state: GuardState = {};
  const fail = (error: unknown): never => {
    state.failure ??= error;
    throw error;
  };
  let depth = 0;
  let roots = 0;
  const { onopentag, onclosetag, ontext, onerror } = sax;
  sax.onattribute = (attribute) => refuseForbiddenName('attribute', attribute.name, fail);
  sax.onopentag = (node) => {
    refuseForbiddenName('element', node.name, fail);
    if (depth === 0 && ++roots > 1) fail(malformed('XML document has several root elements'));
    if (++depth > limits.maxDepth) {
      fail(
        new XmlError({
          code: 'XML_TOO_DEEP',
          message: `XML document nests elements deeper than the limit of ${limits.maxDepth}`,
          details: { limit: limits.maxDepth },
        }),
      );
    }
    onopentag(node);
  };
  sax.onclosetag = (name) => {
    depth--;
    onclosetag(name);
  };
  sax.ontext = (text) => {
    if (depth === 0 && /\S/.test(text)) fail(malformed('XML document has text outside the root'));
    ontext(text);
  };
  sax.onerror = (error) => {
    state.failure ??= error;
    onerror(error);
  };
  return state;
}

function malformed(message: string): XmlError {
  return new XmlError({ code: 'XML_MALFORMED', message });
}

function noRoot(): XmlError {
  return new XmlError({ code: 'XML_MALFORMED', message: 'XML document has no root element' });
}

function refuseForbiddenName(
  kind: 'element' | 'attribute',
  name: string,
  fail: (error: XmlError) => never,
): string {
  const local = name.slice(name.indexOf(':') + 1);
  if (FORBIDDEN_NAMES.has(name) || FORBIDDEN_NAMES.has(local)) {
    fail(
      new XmlError({
        code: 'XML_FORBIDDEN_NAME',
        message: `XML document uses the forbidden ${kind} name ${local}`,
        details: { kind },
      }),
    );
  }
  return name;
}

function asXmlError(error: unknown): XmlError {
  if (error instanceof XmlError) return error;
  // sax puts the rule on the first line (sometimes with a tag name) and the position and one
  // character of input on the next ones: keep the rule, with any run of digits masked, and the line.
  const message = error instanceof Error ? error.message : String(error);
  const line = /Line: (\d+)/.exec(message)?.[1];
  const rule = message
    .split('\n')[0]!
    .slice(0, 120)
    .replace(/\d{5,}/g, REDACTED_NAME);
  return new XmlError({
    code: 'XML_MALFORMED',
    message: `XML document is not well-formed: ${rule}`,
    location: line === undefined ? undefined : { line: Number(line) + 1 },
    cause: error,
  });
}

function toElement(name: string, node: RawNode): XmlElement {
  const ns = (node[NS] ?? {}) as { uri?: string; local?: string };
  const localName = ns.local ?? name.slice(name.indexOf(':') + 1);
  const children: XmlElement[] = [];
  // Depth is bounded by the sax guard, so this recursion is too.
  for (const key of Object.keys(node)) {
    if (key === ATTRS || key === TEXT || key === NS) continue;
    for (const child of node[key] as RawNode[]) children.push(toElement(key, child));
  }
  return {
    name,
    localName,
    namespace: ns.uri ?? '',
    attributes: attributesOf(node),
    children,
    text: typeof node[TEXT] === 'string' ? node[TEXT] : '',
  };
}

function attributesOf(node: RawNode): Record<string, string> {
  const raw = (node[ATTRS] ?? {}) as Record<string, RawAttribute>;
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, attribute] of Object.entries(raw)) {
    if (attribute.prefix === 'xmlns' || name === 'xmlns') continue;
    attributes[name] = attribute.value;
  }
  return attributes;
}
