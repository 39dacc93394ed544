import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ContractVerdict, PartnerContracts } from './partner-contracts.port';

/** A validator for contracts of one content type (XML: the XSD validator, wired separately). */
export type ContentValidator = (contract: string, body: Buffer) => ContractVerdict | undefined;

/**
 * Partner contracts from JSON Schema files (any `*.json` with an `$id` under the given folders,
 * e.g. `schemas/partners/**`), compiled once with strict Ajv. JSON bodies are parsed and checked
 * against the schema whose `$id` the message names. XML contracts are checked by an injected
 * validator (the XSD side of @rtw/partners); without one an XML contract is unknown, so XML
 * messages are refused rather than sent unchecked.
 */
export class JsonSchemaPartnerContracts implements PartnerContracts {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    folders: readonly string[],
    private readonly xml?: ContentValidator,
  ) {
    const ajv = new Ajv2020({
      strict: false,
      allErrors: false,
      $data: false,
      validateFormats: true,
      logger: false,
    });
    addFormats(ajv);
    const schemas = folders.flatMap((folder) => jsonFiles(folder)).map(readSchema);
    for (const schema of schemas) if (schema) ajv.addSchema(schema);
    for (const schema of schemas) {
      const id = schema?.['$id'];
      if (typeof id === 'string') this.validators.set(id, ajv.getSchema(id)!);
    }
  }

  /** The contract ids this instance knows (JSON Schema `$id`s). */
  contracts(): string[] {
    return [...this.validators.keys()].sort();
  }

  validate(contract: string, contentType: string, body: Buffer): ContractVerdict {
    if (contentType === 'application/xml') {
      return (
        this.xml?.(contract, body) ?? {
          ok: false,
          code: 'CONTRACT_UNKNOWN',
          message: 'no XML validator knows this contract',
        }
      );
    }
    const validator = this.validators.get(contract);
    if (!validator)
      return { ok: false, code: 'CONTRACT_UNKNOWN', message: 'no partner contract has this id' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return { ok: false, code: 'CONTRACT_BODY_UNREADABLE', message: 'the body is not JSON' };
    }
    if (validator(parsed)) return { ok: true };
    const [error] = validator.errors ?? [];
    return {
      ok: false,
      code: 'CONTRACT_VIOLATION',
      pointer: error?.instancePath || '/',
      message: `the body breaks its contract (${error?.keyword ?? 'schema'})`,
    };
  }
}

function jsonFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

function readSchema(path: string): Record<string, unknown> | undefined {
  try {
    const schema = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return typeof schema === 'object' && schema !== null && '$id' in schema
      ? (schema as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
