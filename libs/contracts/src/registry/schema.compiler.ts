import type { ValidateFunction } from 'ajv';
import { ContractError } from '../errors/contract.error';
import { createAjv } from '../formats/ajv.factory';
import { type SemanticFormat, isSemanticFormat } from '../formats/semantic.formats';
import type { SchemaSet } from './schema-document.types';

/** `$id` of the structured-mode CloudEvents envelope schema. */
export const ENVELOPE_SCHEMA_ID = 'urn:rtw:schema:common:cloud-event';

/** Validators compiled from one SchemaSet. */
export interface CompiledContracts {
  readonly envelope: ValidateFunction;
  /** Keyed by schema `$id` (`urn:rtw:schema:<type>:v<N>`). */
  readonly byId: ReadonlyMap<string, ValidateFunction>;
  /** Shared schemas whose own `format` is semantic (`common:niss` -> `niss`), by `$id`. */
  readonly semanticSchemas: ReadonlyMap<string, SemanticFormat>;
}

/**
 * Compiles every schema once, at start-up: a broken schema fails the process immediately instead
 * of the first event that happens to need it.
 */
export function compileSchemaSet(set: SchemaSet): CompiledContracts {
  const ajv = createAjv();
  const all = [...set.common, ...set.contracts];
  for (const { schema, file } of all) {
    attempt(file, () => ajv.addSchema(schema));
  }
  const byId = new Map<string, ValidateFunction>();
  for (const { id, file } of all) {
    const validate = attempt(file, () => ajv.getSchema(id));
    if (validate) byId.set(id, validate);
  }
  const envelope = byId.get(ENVELOPE_SCHEMA_ID);
  if (!envelope) {
    throw new ContractError({
      code: 'CONTRACTS_NOT_FOUND',
      message: `${set.schemasDir} has no envelope schema ${ENVELOPE_SCHEMA_ID}`,
    });
  }
  for (const common of set.common) byId.delete(common.id);
  return { envelope, byId, semanticSchemas: semanticSchemasOf(set) };
}

function semanticSchemasOf(set: SchemaSet): Map<string, SemanticFormat> {
  const entries = set.common.flatMap(({ id, schema }): [string, SemanticFormat][] => {
    const format = schema['format'];
    return typeof format === 'string' && isSemanticFormat(format) ? [[id, format]] : [];
  });
  return new Map(entries);
}

function attempt<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ContractError({
      code: 'CONTRACT_SCHEMA_INVALID',
      message: `${file}: ${reason}`,
      details: { file },
      cause,
    });
  }
}
