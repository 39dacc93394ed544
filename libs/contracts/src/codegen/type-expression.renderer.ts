import { pascalCase } from '../registry/contract-id.parser';
import {
  type JsonSchema,
  type JsonSchemaObject,
  isJsonObject,
} from '../registry/schema-document.types';

const COMMON_PREFIX = 'urn:rtw:schema:common:';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Collects the shared (common) type names a rendered expression refers to. */
export interface RenderScope {
  readonly usedCommonTypes: Set<string>;
}

/** The TypeScript name of a shared definition, e.g. `urn:rtw:schema:common:iso-date` -> `IsoDate`. */
export function commonTypeName(id: string): string {
  if (!id.startsWith(COMMON_PREFIX)) {
    throw new Error(`only shared definitions can be referenced, not ${id}`);
  }
  return pascalCase(id.slice(COMMON_PREFIX.length));
}

/**
 * Renders the TypeScript type of a schema. Covers the subset our contracts use (primitive types,
 * enum, const, arrays, closed objects, `$ref` to shared definitions) and fails loudly on anything
 * else, so a schema feature without a type never slips through as `any`.
 */
export function renderType(schema: JsonSchema, scope: RenderScope, depth = 0): string {
  if (schema === true) return 'unknown';
  if (schema === false) return 'never';
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const name = commonTypeName(ref);
    scope.usedCommonTypes.add(name);
    return name;
  }
  if ('const' in schema) return literal(schema['const']);
  if (Array.isArray(schema['enum'])) return schema['enum'].map(literal).join(' | ');
  const type = schema['type'];
  if (Array.isArray(type))
    return type.map((t) => renderNamed(String(t), schema, scope, depth)).join(' | ');
  if (typeof type === 'string') return renderNamed(type, schema, scope, depth);
  throw new Error(`cannot derive a type from a schema without type, $ref, const or enum`);
}

function renderNamed(
  type: string,
  schema: JsonSchemaObject,
  scope: RenderScope,
  depth: number,
): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return renderArray(schema, scope, depth);
    case 'object':
      return renderObject(schema, scope, depth);
    default:
      throw new Error(`unsupported JSON Schema type ${type}`);
  }
}

function renderArray(schema: JsonSchemaObject, scope: RenderScope, depth: number): string {
  const items = schema['items'];
  const inner = items === undefined ? 'unknown' : renderType(items as JsonSchema, scope, depth);
  return /[|&\n]/.test(inner) ? `Array<${inner}>` : `${inner}[]`;
}

/** Renders an object type literal; also used for top-level interfaces (as their body). */
export function renderObject(schema: JsonSchemaObject, scope: RenderScope, depth: number): string {
  const properties = isJsonObject(schema['properties']) ? schema['properties'] : {};
  const required = new Set(Array.isArray(schema['required']) ? schema['required'].map(String) : []);
  const closed =
    schema['additionalProperties'] === false || schema['unevaluatedProperties'] === false;
  const names = Object.keys(properties);
  if (names.length === 0) return closed ? 'Record<string, never>' : 'Record<string, unknown>';
  const pad = '  '.repeat(depth + 1);
  const lines = names.map((name) => {
    const property = properties[name] as JsonSchema;
    const doc = docComment(property);
    const key = IDENTIFIER.test(name) ? name : JSON.stringify(name);
    const optional = required.has(name) ? '' : '?';
    const rendered = renderType(property, scope, depth + 1);
    return `${doc ? `${pad}${doc}\n` : ''}${pad}${key}${optional}: ${rendered};`;
  });
  if (!closed) lines.push(`${pad}[key: string]: unknown;`);
  return `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}`;
}

/** A one-line TSDoc comment from a schema's title and description (empty when it has neither). */
export function docComment(schema: JsonSchema): string {
  if (!isJsonObject(schema)) return '';
  const parts = [schema['title'], schema['description']].filter(
    (p): p is string => typeof p === 'string',
  );
  if (parts.length === 0) return '';
  const marker = schema['x-personal-data'];
  const text = parts.join(': ') + (typeof marker === 'string' ? ` Personal data: ${marker}.` : '');
  return `/** ${text.replace(/\*\//g, '* /').replace(/\s+/g, ' ')} */`;
}

/** A TypeScript literal for a JSON value, single-quoted like the rest of the code base. */
function literal(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
