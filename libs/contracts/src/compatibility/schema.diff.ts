import {
  type JsonSchema,
  type JsonSchemaObject,
  isJsonObject,
} from '../registry/schema-document.types';
import { type SchemaSide, dereference } from './schema.resolver';

/** The kinds of change that make a reader reject data a writer may produce. */
export type BreakingRule =
  | 'REQUIRED_ADDED'
  | 'PROPERTY_REMOVED'
  | 'TYPE_CHANGED'
  | 'ENUM_VALUE_REMOVED'
  | 'ENUM_ADDED'
  | 'CONST_CHANGED'
  | 'FORMAT_ADDED'
  | 'PATTERN_CHANGED'
  | 'BOUND_TIGHTENED'
  | 'ADDITIONAL_PROPERTIES_CLOSED'
  | 'UNSUPPORTED_CHANGE';

/** One reason why some data valid for the writer's schema is invalid for the reader's. */
export interface BreakingChange {
  /** Where in the data, as a JSON pointer (`*` stands for any array item). */
  readonly pointer: string;
  readonly rule: BreakingRule;
  readonly detail: string;
  /** For FORMAT_ADDED and PATTERN_CHANGED: the reader's format at this place, if it has one. */
  readonly readerFormat?: string;
}

interface Walk {
  readonly writer: SchemaSide;
  readonly reader: SchemaSide;
  readonly out: BreakingChange[];
}

const MAX_DEPTH = 32;
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'];
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'];
// Keywords the gate does not reason about: any addition or change is reported, never assumed safe.
const OPAQUE_KEYWORDS = [
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentRequired',
  'dependentSchemas',
  'patternProperties',
  'propertyNames',
  'prefixItems',
  'contains',
  'minContains',
  'maxContains',
  'unevaluatedItems',
  'multipleOf',
];

/**
 * Structural diff of two JSON Schemas: lists what may make `reader` reject data valid under
 * `writer`. Sound for the keywords our contracts use; anything it cannot reason about is reported
 * as UNSUPPORTED_CHANGE rather than passed. BACKWARD = (writer old, reader new); FORWARD = reverse.
 */
export function findReaderRejections(writer: SchemaSide, reader: SchemaSide): BreakingChange[] {
  const walk: Walk = { writer, reader, out: [] };
  compare(walk, writer.root, reader.root, '', 0);
  return walk.out;
}

function compare(walk: Walk, w: JsonSchema, r: JsonSchema, pointer: string, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const writer = dereference(w, walk.writer);
  const reader = dereference(r, walk.reader);
  if (reader === true || writer === false) return;
  const push: Push = (rule, detail, readerFormat) =>
    void walk.out.push({ pointer, rule, detail, ...(readerFormat ? { readerFormat } : {}) });
  if (reader === false) return push('TYPE_CHANGED', 'the reader accepts no value here any more');
  const ws = writer === true ? {} : writer;
  checkTypes(ws, reader, push);
  checkValues(ws, reader, push);
  checkStrings(ws, reader, push);
  checkBounds(ws, reader, push);
  checkOpaqueKeywords(ws, reader, push);
  // A type mismatch is already reported above; structure is compared only where both can match.
  if (mayBe(ws, 'object') && mayBe(reader, 'object')) checkObject(walk, ws, reader, pointer, depth);
  if (mayBe(ws, 'array') && mayBe(reader, 'array') && reader['items'] !== undefined) {
    compare(walk, asSchema(ws['items']), asSchema(reader['items']), `${pointer}/*`, depth + 1);
  }
}

type Push = (rule: BreakingRule, detail: string, readerFormat?: string) => void;

function checkTypes(w: JsonSchemaObject, r: JsonSchemaObject, push: Push): void {
  const readerTypes = typesOf(r);
  if (!readerTypes) return;
  const writerTypes = typesOf(w);
  if (!writerTypes) return push('TYPE_CHANGED', `type restricted to ${[...readerTypes].join('/')}`);
  for (const type of writerTypes) {
    const accepted = readerTypes.has(type) || (type === 'integer' && readerTypes.has('number'));
    if (!accepted)
      push(
        'TYPE_CHANGED',
        `type ${type} is no longer accepted (now ${[...readerTypes].join('/')})`,
      );
  }
}

function checkValues(w: JsonSchemaObject, r: JsonSchemaObject, push: Push): void {
  const writerValues = valuesOf(w);
  if (Array.isArray(r['enum'])) {
    const allowed = new Set(r['enum'].map(canonical));
    if (!writerValues) push('ENUM_ADDED', 'values restricted to an enumeration');
    for (const value of writerValues ?? []) {
      if (!allowed.has(canonical(value)))
        push('ENUM_VALUE_REMOVED', `value ${canonical(value)} was removed`);
    }
  }
  if ('const' in r) {
    const fixed = canonical(r['const']);
    const changed = !writerValues || writerValues.some((v) => canonical(v) !== fixed);
    if (changed) push('CONST_CHANGED', `value fixed to ${fixed}`);
  }
}

// A value of the format on the left always satisfies the formats on the right.
const FORMAT_IMPLIES: Readonly<Record<string, readonly string[]>> = {
  'dossier-id': ['uuid'],
};

function formatSatisfies(writerFormat: unknown, readerFormat: unknown): boolean {
  if (writerFormat === readerFormat) return true;
  if (typeof writerFormat !== 'string' || typeof readerFormat !== 'string') return false;
  return Object.hasOwn(FORMAT_IMPLIES, writerFormat)
    ? FORMAT_IMPLIES[writerFormat]!.includes(readerFormat)
    : false;
}

function checkStrings(w: JsonSchemaObject, r: JsonSchemaObject, push: Push): void {
  const readerFormat = typeof r['format'] === 'string' ? r['format'] : undefined;
  if (r['format'] !== undefined && !formatSatisfies(w['format'], r['format'])) {
    const before = w['format'] === undefined ? 'none' : String(w['format']);
    push('FORMAT_ADDED', `format ${String(r['format'])} required (was ${before})`, readerFormat);
  }
  if (r['pattern'] !== undefined && w['pattern'] !== r['pattern']) {
    const detail = w['pattern'] === undefined ? 'pattern added' : 'pattern changed';
    push('PATTERN_CHANGED', detail, readerFormat);
  }
}

function checkBounds(w: JsonSchemaObject, r: JsonSchemaObject, push: Push): void {
  for (const key of LOWER_BOUNDS) {
    const [before, after] = [w[key], r[key]];
    if (typeof after === 'number' && (typeof before !== 'number' || after > before)) {
      push('BOUND_TIGHTENED', `${key} raised to ${after} (was ${before ?? 'none'})`);
    }
  }
  for (const key of UPPER_BOUNDS) {
    const [before, after] = [w[key], r[key]];
    if (typeof after === 'number' && (typeof before !== 'number' || after < before)) {
      push('BOUND_TIGHTENED', `${key} lowered to ${after} (was ${before ?? 'none'})`);
    }
  }
  if (r['uniqueItems'] === true && w['uniqueItems'] !== true)
    push('BOUND_TIGHTENED', 'items must now be unique');
}

function checkOpaqueKeywords(w: JsonSchemaObject, r: JsonSchemaObject, push: Push): void {
  for (const key of OPAQUE_KEYWORDS) {
    if (r[key] !== undefined && canonical(w[key]) !== canonical(r[key])) {
      push(
        'UNSUPPORTED_CHANGE',
        `${key} added or changed; the gate cannot prove old data still passes`,
      );
    }
  }
}

function checkObject(
  walk: Walk,
  w: JsonSchemaObject,
  r: JsonSchemaObject,
  pointer: string,
  depth: number,
): void {
  const wProps = propertiesOf(w);
  const wRequired = new Set(requiredOf(w));
  for (const name of requiredOf(r).filter((n) => !wRequired.has(n))) {
    const detail = name in wProps ? 'optional property became required' : 'new required property';
    walk.out.push({ pointer: child(pointer, name), rule: 'REQUIRED_ADDED', detail });
  }
  checkWrittenProperties(walk, w, r, pointer, depth);
  if (!isClosed(w)) checkOpenWriter(walk, w, r, pointer, depth);
}

/** Every property the writer may send must still be readable. */
function checkWrittenProperties(
  walk: Walk,
  w: JsonSchemaObject,
  r: JsonSchemaObject,
  pointer: string,
  depth: number,
): void {
  const rProps = propertiesOf(r);
  for (const [name, schema] of Object.entries(propertiesOf(w))) {
    const at = child(pointer, name);
    if (schema === false) continue;
    if (name in rProps) compare(walk, schema, rProps[name]!, at, depth + 1);
    else if (!isClosed(r))
      compare(walk, schema, asSchema(r['additionalProperties']), at, depth + 1);
    else {
      const detail = 'property removed; the closed reader rejects data that has it';
      walk.out.push({ pointer: at, rule: 'PROPERTY_REMOVED', detail });
    }
  }
}

/** An open writer may send any property: each one the reader constrains or forbids is a risk. */
function checkOpenWriter(
  walk: Walk,
  w: JsonSchemaObject,
  r: JsonSchemaObject,
  pointer: string,
  depth: number,
): void {
  const [wProps, wExtra] = [propertiesOf(w), asSchema(w['additionalProperties'])];
  for (const [name, schema] of Object.entries(propertiesOf(r))) {
    if (!(name in wProps)) compare(walk, wExtra, schema, child(pointer, name), depth + 1);
  }
  if (isClosed(r)) {
    const detail = 'additional properties are no longer allowed';
    walk.out.push({ pointer, rule: 'ADDITIONAL_PROPERTIES_CLOSED', detail });
  } else if (r['additionalProperties'] !== undefined) {
    compare(walk, wExtra, asSchema(r['additionalProperties']), `${pointer}/*`, depth + 1);
  }
}

function mayBe(schema: JsonSchemaObject, type: string): boolean {
  const types = typesOf(schema);
  return !types || types.has(type);
}

function isClosed(schema: JsonSchemaObject): boolean {
  return schema['additionalProperties'] === false || schema['unevaluatedProperties'] === false;
}

function propertiesOf(schema: JsonSchemaObject): Record<string, JsonSchema> {
  const properties = schema['properties'];
  return isJsonObject(properties) ? (properties as Record<string, JsonSchema>) : {};
}

function requiredOf(schema: JsonSchemaObject): string[] {
  return Array.isArray(schema['required']) ? schema['required'].map(String) : [];
}

function typesOf(schema: JsonSchemaObject): Set<string> | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return new Set([type]);
  return Array.isArray(type) ? new Set(type.map(String)) : undefined;
}

/** The finite set of values a schema allows, when it has one (enum or const). */
function valuesOf(schema: JsonSchemaObject): unknown[] | undefined {
  if ('const' in schema) return [schema['const']];
  return Array.isArray(schema['enum']) ? schema['enum'] : undefined;
}

function asSchema(value: unknown): JsonSchema {
  return typeof value === 'boolean' || isJsonObject(value) ? value : true;
}

function child(pointer: string, name: string): string {
  return `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** JSON with sorted keys, so that equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
