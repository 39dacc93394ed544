import { ContractError } from '../errors/contract.error';
import {
  type JsonSchema,
  type JsonSchemaObject,
  isJsonObject,
} from '../registry/schema-document.types';

/** One side of a comparison: the schema document and the shared definitions its `$ref`s reach. */
export interface SchemaSide {
  readonly root: JsonSchema;
  readonly definitions: ReadonlyMap<string, JsonSchemaObject>;
}

const MAX_REF_HOPS = 16;

/**
 * Replaces `$ref` by its target, keeping sibling keywords (2020-12 applies both; our siblings are
 * annotations, so a shallow merge is exact for our schemas and conservative otherwise).
 */
export function dereference(node: JsonSchema, side: SchemaSide): JsonSchema {
  let current = node;
  for (let hop = 0; isJsonObject(current) && typeof current['$ref'] === 'string'; hop++) {
    if (hop === MAX_REF_HOPS) throw unresolved(String(current['$ref']), 'too many $ref hops');
    const { $ref, ...siblings } = current;
    const target = resolveRef(String($ref), side);
    if (!isJsonObject(target)) return target;
    current = { ...withoutIdentity(target), ...siblings };
  }
  return current;
}

/** A target's own `$id` / `$schema` would wrongly re-base refs once inlined. */
function withoutIdentity(schema: JsonSchemaObject): JsonSchemaObject {
  return Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$id' && k !== '$schema'));
}

function resolveRef(ref: string, side: SchemaSide): JsonSchema {
  const [base = '', fragment] = ref.split('#', 2);
  const document = base === '' ? side.root : side.definitions.get(base);
  if (document === undefined) throw unresolved(ref, 'no schema with this $id');
  return fragment ? followPointer(document, fragment, ref) : document;
}

function followPointer(document: JsonSchema, pointer: string, ref: string): JsonSchema {
  let node: unknown = document;
  for (const token of pointer.split('/').slice(1)) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isJsonObject(node) ? node[key] : undefined;
  }
  if (typeof node === 'boolean' || isJsonObject(node)) return node;
  throw unresolved(ref, 'the pointer does not reach a schema');
}

function unresolved(ref: string, reason: string): ContractError {
  return new ContractError({
    code: 'CONTRACT_SCHEMA_INVALID',
    message: `cannot resolve $ref ${ref}: ${reason}`,
  });
}
