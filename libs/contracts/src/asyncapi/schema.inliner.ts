import { dereference, type SchemaSide } from '../compatibility/schema.resolver';
import {
  type JsonSchema,
  type JsonSchemaObject,
  isJsonObject,
} from '../registry/schema-document.types';

/**
 * Returns a copy of a schema with every `$ref` replaced by its target, so documents built from it
 * (AsyncAPI, Markdown) stand alone. Our shared definitions are not recursive; depth is capped anyway.
 */
export function inlineRefs(schema: JsonSchema, side: SchemaSide, depth = 0): JsonSchema {
  if (depth > 32) throw new Error('schema nesting too deep to inline');
  const resolved = dereference(schema, side);
  if (!isJsonObject(resolved)) return resolved;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resolved))
    out[key] = inlineKeyword(key, value, side, depth);
  return out;
}

function inlineKeyword(key: string, value: unknown, side: SchemaSide, depth: number): unknown {
  if (key === 'properties' && isJsonObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, sub]) => [
        name,
        inlineRefs(sub as JsonSchema, side, depth + 1),
      ]),
    );
  }
  if (['items', 'additionalProperties', 'unevaluatedProperties'].includes(key) && isSchema(value)) {
    return inlineRefs(value, side, depth + 1);
  }
  return value;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'boolean' || isJsonObject(value);
}

/** Reads a schema's sub-schema map (`properties`) as typed entries. */
export function propertyEntries(schema: JsonSchemaObject): Array<[string, JsonSchemaObject]> {
  const properties = schema['properties'];
  if (!isJsonObject(properties)) return [];
  return Object.entries(properties).filter((e): e is [string, JsonSchemaObject] =>
    isJsonObject(e[1]),
  );
}
