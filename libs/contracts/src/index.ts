// Public API of @rtw/contracts: the canonical contracts (schemas in schemas/canonical), their
// compiled validators, generated TypeScript types, and the compatibility gate.
export * from '@rtw/contract-types';
export { ContractRegistry } from './registry/contract.registry';
export type { ContractRegistryOptions, ContractSummary } from './registry/contract.registry';
export type { ContractRef } from './registry/contract-id.parser';
export type {
  ContractSchema,
  JsonSchema,
  JsonSchemaObject,
} from './registry/schema-document.types';
export { locateSchemasDir } from './registry/schema-files.loader';
export { createAjv, type PersonalDataKind } from './formats/ajv.factory';
export { isHumanText } from './formats/human-text.format';
export { isDossierId } from './formats/dossier-id.format';
export { checkSize, type SizeCheck } from './validation/size.guard';
export {
  VALIDATION_CODES,
  type ValidationCode,
  type ValidationIssue,
  type ValidationResult,
} from './validation/validation.types';
export { mapAjvErrors } from './validation/ajv-error.mapper';
export {
  CONTRACT_ERROR_CODES,
  ContractError,
  type ContractErrorCode,
} from './errors/contract.error';
export {
  HUB_PRODUCED_TYPES,
  type TopicDefinition,
  type TopicPayload,
} from './asyncapi/topic.definition';
export { main as runContractsCli, type CliContext } from './cli/main';
export type { CompatibilityMode } from './compatibility/compatibility.config';
