import { schemaFileNameOf, typeNameOf } from '../registry/contract-id.parser';
import type { CommonSchema, ContractSchema, SchemaSet } from '../registry/schema-document.types';
import {
  type RenderScope,
  commonTypeName,
  docComment,
  renderObject,
  renderType,
} from './type-expression.renderer';

/** Header of every generated file; `contracts:check` fails when the files drift from the schemas. */
export const GENERATED_HEADER =
  '// Generated from schemas/canonical by scripts/generate-contract-types.mjs. Do not edit:\n' +
  '// change the schema and run `npm run contracts:generate`.\n';

const ENVELOPE_ID = 'urn:rtw:schema:common:cloud-event';

/** Renders every generated file, keyed by path relative to `libs/contract-types/src/generated/`. */
export function generateContractTypes(set: SchemaSet): Map<string, string> {
  const files = new Map<string, string>();
  const shared = set.common.filter((c) => c.id !== ENVELOPE_ID);
  const envelope = set.common.find((c) => c.id === ENVELOPE_ID);
  files.set('common.types.ts', renderCommonFile(shared));
  if (envelope) files.set('cloud-event.types.ts', renderEnvelopeFile(envelope));
  for (const contract of set.contracts)
    files.set(contractFileName(contract), renderContractFile(contract));
  files.set('canonical-event.types.ts', renderUnionFile(set.contracts));
  files.set('index.ts', renderIndex([...files.keys()]));
  return files;
}

function contractFileName(contract: ContractSchema): string {
  const base = schemaFileNameOf(contract).replace(/\.v(\d+)\.schema\.json$/, '-v$1');
  return `${base.replace(/\./g, '-')}.contract.ts`;
}

function renderDeclaration(
  name: string,
  schema: CommonSchema['schema'],
  scope: RenderScope,
): string {
  const doc = docComment(schema) || `/** ${name}. */`;
  if (schema['type'] === 'object' && !('$ref' in schema)) {
    return `${doc}\nexport interface ${name} ${renderObject(schema, scope, 0)}\n`;
  }
  return `${doc}\nexport type ${name} = ${renderType(schema, scope)};\n`;
}

function renderCommonFile(shared: readonly CommonSchema[]): string {
  const scope: RenderScope = { usedCommonTypes: new Set() };
  const body = shared.map((c) => renderDeclaration(commonTypeName(c.id), c.schema, scope));
  return `${GENERATED_HEADER}\n${body.join('\n')}`;
}

function importLine(scope: RenderScope, exclude: string[] = []): string {
  const names = [...scope.usedCommonTypes].filter((n) => !exclude.includes(n)).sort();
  return names.length ? `import type { ${names.join(', ')} } from './common.types';\n\n` : '';
}

function renderEnvelopeFile(envelope: CommonSchema): string {
  const scope: RenderScope = { usedCommonTypes: new Set() };
  const body = renderDeclaration('CloudEvent', envelope.schema, scope);
  const canonical =
    '/** The envelope attributes shared by every canonical event (type, dataschema and data vary). */\n' +
    "export type CanonicalEnvelope = Omit<CloudEvent, 'type' | 'dataschema' | 'data'>;\n";
  return `${GENERATED_HEADER}\n${importLine(scope)}${body}\n${canonical}`;
}

function renderContractFile(contract: ContractSchema): string {
  const scope: RenderScope = { usedCommonTypes: new Set() };
  const name = typeNameOf(contract);
  const data = renderDeclaration(name, contract.schema, scope);
  const event =
    `/** A ${contract.type} event, contract version ${contract.version}. */\n` +
    `export interface ${name}Event extends CanonicalEnvelope {\n` +
    `  type: '${contract.type}';\n  dataschema: '${contract.id}';\n  data: ${name};\n}\n`;
  const envelopeImport = "import type { CanonicalEnvelope } from './cloud-event.types';\n";
  const imports = importLine(scope).replace(/\n\n$/, '\n');
  return `${GENERATED_HEADER}\n${envelopeImport}${imports}\n${data}\n${event}`;
}

function renderUnionFile(contracts: readonly ContractSchema[]): string {
  const types = [...new Set(contracts.map((c) => c.type))];
  const names = contracts.map((c) => `${typeNameOf(c)}Event`);
  const imports = contracts
    .map(
      (c) =>
        `import type { ${typeNameOf(c)}Event } from './${contractFileName(c).replace(/\.ts$/, '')}';`,
    )
    .join('\n');
  return [
    GENERATED_HEADER,
    imports,
    '',
    '/** Every canonical event type, sorted. */',
    `export const EVENT_TYPES = [\n${types.map((t) => `  '${t}',`).join('\n')}\n] as const;`,
    '',
    '/** A canonical event type name. */',
    'export type EventType = (typeof EVENT_TYPES)[number];',
    '',
    '/** Every contract (event type and major version) with its schema id. */',
    `export const CONTRACT_IDS = [\n${contracts.map((c) => `  { type: '${c.type}', version: ${c.version}, id: '${c.id}' },`).join('\n')}\n] as const;`,
    '',
    '/** Any valid canonical event; narrow on `type` (and `dataschema` when a type has several versions). */',
    `export type CanonicalEvent =\n${names.map((n) => `  | ${n}`).join('\n')};`,
    '',
    '/** The canonical events of one type (all its versions). */',
    'export type CanonicalEventOfType<T extends EventType> = Extract<CanonicalEvent, { type: T }>;',
    '',
  ].join('\n');
}

function renderIndex(files: readonly string[]): string {
  const lines = files.map((f) => `export * from './${f.replace(/\.ts$/, '')}';`);
  return `${GENERATED_HEADER}\n${lines.join('\n')}\n`;
}
