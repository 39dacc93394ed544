import type { ContractRegistry, JsonSchemaObject } from '@rtw/contracts';

/** What a personal value becomes on a masked timeline. */
export const MASKED = '***';

/** Deeper than any contract; a walk that goes further is refused (masked), never followed. */
const MAX_DEPTH = 16;

/**
 * Masks personal data in stored events' `data`, driven by the contracts themselves: a value is
 * personal when its schema (or the shared definition it refers to) carries `x-personal-data`
 * (NISS, names, sex, birth date, residence, free text) or is human text (`format: human-text`:
 * names, addresses, job titles, notes). A new field in a new contract version is covered the day
 * its schema is, without a list here to keep up to date.
 *
 * Fails closed: a contract it does not know, a field its contract does not declare, a `$ref` it
 * cannot resolve or a shape it does not expect is masked whole.
 */
export class PersonalDataMask {
  private constructor(
    private readonly contracts: ReadonlyMap<string, JsonSchemaObject>,
    private readonly common: ReadonlyMap<string, JsonSchemaObject>,
  ) {}

  /** The mask of every canonical contract of a registry. */
  static fromRegistry(registry: ContractRegistry): PersonalDataMask {
    return new PersonalDataMask(
      new Map(registry.schemaSet.contracts.map((contract) => [contract.id, contract.schema])),
      new Map(registry.schemaSet.common.map((shared) => [shared.id, shared.schema])),
    );
  }

  /** An event's data with every personal value replaced by {@link MASKED}. */
  maskData(dataschema: string | null | undefined, data: unknown): unknown {
    const schema = dataschema ? this.contracts.get(dataschema) : undefined;
    return schema ? this.mask(schema, data, 0) : MASKED;
  }

  private mask(node: unknown, value: unknown, depth: number): unknown {
    if (depth > MAX_DEPTH || !isObject(node) || this.isPersonal(node, 0)) return MASKED;
    const ref = node['$ref'];
    const target = typeof ref === 'string' ? this.common.get(ref) : undefined;
    if (typeof ref === 'string' && !target) return MASKED;
    if (Array.isArray(value)) {
      const items = node['items'] ?? target?.['items'];
      return items === undefined ? MASKED : value.map((item) => this.mask(items, item, depth + 1));
    }
    if (isObject(value)) {
      const properties = { ...propertiesOf(target), ...propertiesOf(node) };
      return Object.fromEntries(
        Object.entries(value).map(([key, field]) => [
          key,
          Object.hasOwn(properties, key) ? this.mask(properties[key], field, depth + 1) : MASKED,
        ]),
      );
    }
    return value;
  }

  private isPersonal(node: JsonSchemaObject, depth: number): boolean {
    if (node['x-personal-data'] !== undefined || node['format'] === 'human-text') return true;
    const ref = node['$ref'];
    if (typeof ref !== 'string') return false;
    const target = this.common.get(ref);
    return target === undefined || depth >= MAX_DEPTH || this.isPersonal(target, depth + 1);
  }
}

/** Masks the personal part of the tracker's projection state: the residence key. */
export function maskState(state: Record<string, unknown>): Record<string, unknown> {
  return Object.hasOwn(state, 'residence') ? { ...state, residence: MASKED } : state;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function propertiesOf(schema: JsonSchemaObject | undefined): Record<string, unknown> {
  const properties = schema?.['properties'];
  return isObject(properties) ? properties : {};
}
