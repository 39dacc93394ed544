/** A JSON Schema document or sub-schema as parsed from disk (boolean schemas included). */
export type JsonSchema = boolean | JsonSchemaObject;

/** A JSON Schema object; keywords are read defensively because schemas come from files. */
export type JsonSchemaObject = { readonly [keyword: string]: unknown };

/** One contract schema file with the contract it defines. */
export interface ContractSchema {
  readonly type: string;
  readonly version: number;
  readonly id: string;
  readonly file: string;
  readonly schema: JsonSchemaObject;
}

/** One shared definition under `schemas/canonical/common/`. */
export interface CommonSchema {
  readonly id: string;
  readonly file: string;
  readonly schema: JsonSchemaObject;
}

/** Every schema file of a schemas folder, parsed and checked for naming consistency. */
export interface SchemaSet {
  readonly schemasDir: string;
  readonly common: readonly CommonSchema[];
  readonly contracts: readonly ContractSchema[];
}

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonSchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
