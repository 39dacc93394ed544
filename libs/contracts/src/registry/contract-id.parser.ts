// A contract is named by its event type and major version. The same pair appears in three
// spellings: the schema `$id` / CloudEvents `dataschema` (urn), the schema file name, and the
// generated TypeScript name. Keeping the conversions here stops them from drifting apart.

/** Prefix shared by every canonical event type. */
export const EVENT_TYPE_PREFIX = 'be.rtw.';

/** A contract: one event type at one major version. */
export interface ContractRef {
  readonly type: string;
  readonly version: number;
}

const SCHEMA_ID =
  /^urn:rtw:schema:(be\.rtw\.[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+):v([1-9][0-9]{0,3})$/;
const SCHEMA_FILE = /^([a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+)\.v([1-9][0-9]{0,3})\.schema\.json$/;

/** The `$id` of a contract schema, also the `dataschema` attribute of its events. */
export function schemaIdOf(ref: ContractRef): string {
  return `urn:rtw:schema:${ref.type}:v${ref.version}`;
}

/** Parses a contract `$id` / `dataschema`; undefined when it does not name a canonical contract. */
export function parseSchemaId(id: string): ContractRef | undefined {
  const match = SCHEMA_ID.exec(id);
  return match ? { type: match[1]!, version: Number(match[2]) } : undefined;
}

/** The file name of a contract under `schemas/canonical/`. */
export function schemaFileNameOf(ref: ContractRef): string {
  return `${ref.type.slice(EVENT_TYPE_PREFIX.length)}.v${ref.version}.schema.json`;
}

/** Parses a contract file name; undefined for files that are not contract schemas. */
export function parseSchemaFileName(fileName: string): ContractRef | undefined {
  const match = SCHEMA_FILE.exec(fileName);
  return match ? { type: EVENT_TYPE_PREFIX + match[1]!, version: Number(match[2]) } : undefined;
}

/** PascalCase name used in generated code, e.g. `DossierOpenedV1`. */
export function typeNameOf(ref: ContractRef): string {
  return `${pascalCase(ref.type.slice(EVENT_TYPE_PREFIX.length))}V${ref.version}`;
}

/** `dossier.due-soon` -> `DossierDueSoon`. */
export function pascalCase(words: string): string {
  return words
    .split(/[.\-_:]/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}
