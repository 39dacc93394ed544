import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContractError } from '../errors/contract.error';
import { parseSchemaFileName, schemaIdOf } from './contract-id.parser';
import {
  type CommonSchema,
  type ContractSchema,
  type JsonSchemaObject,
  type SchemaSet,
  isJsonObject,
} from './schema-document.types';

/** Environment variable that overrides where the `schemas/` folder is. */
export const SCHEMAS_DIR_ENV = 'RTW_SCHEMAS_DIR';

/** Where to look for the `schemas/` folder. */
export interface LocateOptions {
  readonly schemasDir?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly from?: string;
}

/**
 * Finds the `schemas/` folder: an explicit option, then `RTW_SCHEMAS_DIR`, then the nearest
 * ancestor of this file holding `schemas/canonical` (works from sources, from `dist/` and from an
 * installed package alike).
 */
export function locateSchemasDir(options: LocateOptions = {}): string {
  const explicit = options.schemasDir ?? (options.env ?? process.env)[SCHEMAS_DIR_ENV];
  if (explicit) return requireCanonical(path.resolve(explicit));
  for (let dir = path.resolve(options.from ?? __dirname); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'schemas');
    if (fs.existsSync(path.join(candidate, 'canonical'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new ContractError({
    code: 'CONTRACTS_NOT_FOUND',
    message: `No schemas/canonical folder above ${options.from ?? __dirname}; set ${SCHEMAS_DIR_ENV}`,
  });
}

/** The repository root, i.e. the folder that holds `schemas/`. */
export function locateRepoRoot(options: LocateOptions = {}): string {
  return path.dirname(locateSchemasDir(options));
}

/** Reads and parses every `*.schema.json` of `<schemasDir>/canonical` and its `common/` folder. */
export function loadSchemaSet(schemasDir: string): SchemaSet {
  const canonical = path.join(schemasDir, 'canonical');
  const common = schemaFiles(path.join(canonical, 'common')).map(readCommon);
  const contracts = schemaFiles(canonical).map(readContract);
  contracts.sort((a, b) => a.type.localeCompare(b.type) || a.version - b.version);
  return { schemasDir, common, contracts };
}

function requireCanonical(schemasDir: string): string {
  if (fs.existsSync(path.join(schemasDir, 'canonical'))) return schemasDir;
  throw new ContractError({
    code: 'CONTRACTS_NOT_FOUND',
    message: `${schemasDir} has no canonical/ folder`,
  });
}

function schemaFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.schema.json'))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

function readCommon(file: string): CommonSchema {
  const schema = readJson(file);
  const id = schema['$id'];
  if (typeof id !== 'string' || !id.startsWith('urn:rtw:schema:common:')) {
    throw invalid(file, '$id must be urn:rtw:schema:common:<name>');
  }
  return { id, file, schema };
}

function readContract(file: string): ContractSchema {
  const ref = parseSchemaFileName(path.basename(file));
  if (!ref) throw invalid(file, 'file name must be <type-without-be.rtw.>.v<N>.schema.json');
  const schema = readJson(file);
  const id = schemaIdOf(ref);
  if (schema['$id'] !== id) throw invalid(file, `$id must be ${id} to match the file name`);
  return { ...ref, id, file, schema };
}

function readJson(file: string): JsonSchemaObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (cause) {
    throw invalid(file, 'not readable as JSON', cause);
  }
  if (!isJsonObject(parsed)) throw invalid(file, 'a schema file must hold a JSON object');
  return parsed;
}

function invalid(file: string, reason: string, cause?: unknown): ContractError {
  return new ContractError({
    code: 'CONTRACT_SCHEMA_INVALID',
    message: `${path.basename(file)}: ${reason}`,
    details: { file },
    cause,
  });
}
