import type { ValidateFunction } from 'ajv';
import type { CanonicalEvent } from '@rtw/contract-types';
import type { SemanticFormat } from '../formats/semantic.formats';
import { validateCanonicalEvent, validateRawEvent } from '../validation/event.validator';
import { DEFAULT_MAX_EVENT_BYTES } from '../validation/size.guard';
import type { ValidationResult } from '../validation/validation.types';
import { schemaIdOf } from './contract-id.parser';
import type { ContractSchema, SchemaSet } from './schema-document.types';
import { compileSchemaSet } from './schema.compiler';
import { type LocateOptions, loadSchemaSet, locateSchemasDir } from './schema-files.loader';

/** How to build a registry: where the schemas are and the raw-size limit. */
export interface ContractRegistryOptions extends LocateOptions {
  /** Largest raw event accepted by validateRaw; defaults to 256 KiB. */
  readonly maxEventBytes?: number;
}

/** One event type with its versions, for listings. */
export interface ContractSummary {
  readonly type: string;
  readonly title: string;
  readonly versions: readonly number[];
}

/**
 * Every canonical contract, compiled once. Looks validators up by (type, version) and validates
 * structured-mode CloudEvents. Build one per process and share it: compiling is the slow part.
 */
export class ContractRegistry {
  private readonly versions = new Map<string, number[]>();
  private readonly schemas = new Map<string, ContractSchema>();

  private constructor(
    readonly schemaSet: SchemaSet,
    readonly envelope: ValidateFunction,
    private readonly validators: ReadonlyMap<string, ValidateFunction>,
    readonly maxEventBytes: number,
    readonly semanticSchemas: ReadonlyMap<string, SemanticFormat>,
  ) {
    for (const contract of schemaSet.contracts) {
      this.versions.set(contract.type, [
        ...(this.versions.get(contract.type) ?? []),
        contract.version,
      ]);
      this.schemas.set(contract.id, contract);
    }
  }

  /** Loads and compiles the schemas folder found by locateSchemasDir. */
  static load(options: ContractRegistryOptions = {}): ContractRegistry {
    return ContractRegistry.fromSchemaSet(loadSchemaSet(locateSchemasDir(options)), options);
  }

  /** Compiles an already loaded SchemaSet. */
  static fromSchemaSet(set: SchemaSet, options: ContractRegistryOptions = {}): ContractRegistry {
    const compiled = compileSchemaSet(set);
    const maxBytes = options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES;
    return new ContractRegistry(
      set,
      compiled.envelope,
      compiled.byId,
      maxBytes,
      compiled.semanticSchemas,
    );
  }

  /** Every event type with its versions, sorted by type. */
  contracts(): ContractSummary[] {
    return [...this.versions.entries()].map(([type, versions]) => ({
      type,
      versions,
      title: String(this.schemaOf(type, versions[versions.length - 1]!)?.schema['title'] ?? type),
    }));
  }

  /** True when at least one version of this event type exists. */
  hasType(type: string): boolean {
    return this.versions.has(type);
  }

  /** The versions of an event type, ascending; empty when unknown. */
  versionsOf(type: string): readonly number[] {
    return this.versions.get(type) ?? [];
  }

  /** The schema file of one contract version. */
  schemaOf(type: string, version: number): ContractSchema | undefined {
    return this.schemas.get(schemaIdOf({ type, version }));
  }

  /** The compiled validator of one contract version's `data`. */
  validatorFor(type: string, version: number): ValidateFunction | undefined {
    return this.validators.get(schemaIdOf({ type, version }));
  }

  /** Validates a parsed structured-mode CloudEvent (envelope, contract lookup, data). */
  validateEvent(event: unknown): ValidationResult<CanonicalEvent> {
    return validateCanonicalEvent(this, event);
  }

  /** Validates raw bytes or text: size guard first, then JSON parse, then validateEvent. */
  validateRaw(
    raw: Uint8Array | string,
    maxBytes = this.maxEventBytes,
  ): ValidationResult<CanonicalEvent> {
    return validateRawEvent(this, raw, maxBytes);
  }
}
