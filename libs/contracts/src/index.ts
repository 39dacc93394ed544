// Public API of @rtw/contracts: the canonical contracts (schemas in schemas/canonical), their
// compiled validators, generated TypeScript types, and the compatibility gate.
export * from '@rtw/contract-types';
export { ContractRegistry } from './registry/contract.registry';
export type { ContractRegistryOptions, ContractSummary } from './registry/contract.registry';
export { ContractsModule } from './registry/contracts.module';
export {
  EVENT_TYPE_PREFIX,
  parseSchemaId,
  schemaIdOf,
  type ContractRef,
} from './registry/contract-id.parser';
export type {
  ContractSchema,
  JsonSchema,
  JsonSchemaObject,
} from './registry/schema-document.types';
export { SCHEMAS_DIR_ENV, locateSchemasDir } from './registry/schema-files.loader';
export { PERSONAL_DATA_KINDS, type PersonalDataKind } from './formats/ajv.factory';
export {
  FORMAT_FAULTS,
  SEMANTIC_FORMATS,
  type FormatFault,
  type SemanticFormat,
} from './formats/semantic.formats';
export { isHumanText } from './formats/human-text.format';
export { isDossierId } from './formats/dossier-id.format';
export { DEFAULT_MAX_EVENT_BYTES, checkSize, type SizeCheck } from './validation/size.guard';
export {
  VALIDATION_CODES,
  type ValidationCode,
  type ValidationIssue,
  type ValidationResult,
} from './validation/validation.types';
export { ContractError, type ContractErrorCode } from './errors/contract.error';
export { HUB_PRODUCED_TYPES, TOPIC_DEFINITIONS, type TopicDefinition } from './asyncapi/topics';
export { COMPATIBILITY_MODES, type CompatibilityMode } from './compatibility/compatibility.config';
