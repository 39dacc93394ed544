import * as fs from 'node:fs';
import * as path from 'node:path';
import { createAjv, locateSchemasDir } from '@rtw/contracts';
import { type BindingSchema, JsonXmlBinding, XsdSchemaCache } from '@rtw/xml';
import { PartnerError } from '../errors/partner.error';
import {
  PARTNER_CONTRACTS,
  type PartnerCode,
  type PartnerDocumentContract,
} from '../registry/partner-contracts.data';
import type { CompiledDocument } from './partner-document.codec';

/** Where the partner schemas are: `<schemasDir>/partners`, located like the canonical ones. */
export interface PartnerSchemasOptions {
  readonly schemasDir?: string;
}

/** The compiled message and answer contracts of every partner. */
export type CompiledContracts = Readonly<
  Record<PartnerCode, { readonly message: CompiledDocument; readonly answer: CompiledDocument }>
>;

/**
 * Reads and compiles every partner contract once: JSON Schemas with the hub's strict Ajv (same
 * formats as the canonical contracts), XSDs with libxml2. A missing or broken file fails here, at
 * start-up, rather than on the first message that needs it.
 */
export async function compilePartnerContracts(
  options: PartnerSchemasOptions,
  xsdCache: XsdSchemaCache,
): Promise<CompiledContracts> {
  const dir = path.join(locateSchemasDir(options), 'partners');
  const ajv = createAjv();
  const compileOne = async (contract: PartnerDocumentContract): Promise<CompiledDocument> => {
    const schema = readJson(dir, contract);
    const validate = attempt(contract.schemaFile, () => ajv.compile(schema));
    if (contract.xsdFile === undefined || contract.xmlRoot === undefined) {
      return { contract, validate };
    }
    const xsdFile = contract.xsdFile;
    const xsd = await xsdCache
      .get(xsdFile, () => fs.readFileSync(path.join(dir, xsdFile)))
      .catch((cause: unknown) => {
        throw unusable(xsdFile, 'does not compile', cause);
      });
    const binding = new JsonXmlBinding(schema as BindingSchema);
    return { contract, validate, xml: { xsd, binding, root: contract.xmlRoot } };
  };
  const entries = await Promise.all(
    Object.values(PARTNER_CONTRACTS).map(
      async (partner) =>
        [
          partner.partner,
          { message: await compileOne(partner.message), answer: await compileOne(partner.answer) },
        ] as const,
    ),
  );
  return Object.fromEntries(entries) as CompiledContracts;
}

function readJson(dir: string, contract: PartnerDocumentContract): Record<string, unknown> {
  let schema: unknown;
  try {
    schema = JSON.parse(fs.readFileSync(path.join(dir, contract.schemaFile), 'utf8'));
  } catch (cause) {
    throw unusable(contract.schemaFile, 'is missing or not JSON', cause);
  }
  const id = (schema as { $id?: unknown } | null)?.$id;
  if (id !== contract.schemaId)
    throw unusable(contract.schemaFile, `must have $id ${contract.schemaId}`);
  return schema as Record<string, unknown>;
}

function attempt<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (cause) {
    throw unusable(file, 'does not compile', cause);
  }
}

function unusable(file: string, reason: string, cause?: unknown): PartnerError {
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new PartnerError({
    code: 'PARTNER_CONTRACTS_UNUSABLE',
    message: `partner contract ${file} ${reason}${detail}`,
    details: { file },
    cause,
  });
}
