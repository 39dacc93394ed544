import type {
  ContractSchema,
  JsonSchemaObject,
  SchemaSet,
} from '../registry/schema-document.types';
import {
  type CompatibilityConfig,
  type CompatibilityDirection,
  type CompatibilityMode,
  checksOf,
  modeFor,
} from './compatibility.config';
import { type BreakingChange, findReaderRejections } from './schema.diff';
import type { SchemaSide } from './schema.resolver';

/** One breaking change found between two versions of a contract. */
export interface GateFinding {
  readonly type: string;
  readonly version: number;
  readonly against: number;
  readonly mode: CompatibilityMode;
  readonly direction: CompatibilityDirection;
  readonly change: BreakingChange;
}

/**
 * Checks every version of every contract against the earlier versions its mode names. Shared
 * definitions have no history of their own, so both sides resolve `$ref`s to the current ones.
 */
export function runCompatibilityGate(set: SchemaSet, config: CompatibilityConfig): GateFinding[] {
  const definitions = new Map<string, JsonSchemaObject>(set.common.map((c) => [c.id, c.schema]));
  const side = (contract: ContractSchema): SchemaSide => ({ root: contract.schema, definitions });
  const findings: GateFinding[] = [];
  for (const versions of groupByType(set.contracts).values()) {
    versions.forEach((current, index) => {
      const mode = modeFor(config, current.type);
      const { directions, transitive } = checksOf(mode);
      const earlier = transitive
        ? versions.slice(0, index)
        : versions.slice(Math.max(0, index - 1), index);
      for (const previous of earlier) {
        for (const direction of directions) {
          const [writer, reader] =
            direction === 'backward' ? [previous, current] : [current, previous];
          for (const change of findReaderRejections(side(writer), side(reader))) {
            findings.push({
              type: current.type,
              version: current.version,
              against: previous.version,
              mode,
              direction,
              change,
            });
          }
        }
      }
    });
  }
  return findings;
}

/** One readable line per finding, e.g. for the `contracts:compat` output. */
export function formatFinding(finding: GateFinding): string {
  const { type, version, against, mode, direction, change } = finding;
  const [readerVersion, writerVersion] =
    direction === 'backward' ? [version, against] : [against, version];
  const where = change.pointer === '' ? '/' : change.pointer;
  return (
    `${type} v${version} vs v${against} [${mode}] ${where} ${change.rule}: ${change.detail}` +
    ` (readers of v${readerVersion} would reject data written with v${writerVersion})`
  );
}

function groupByType(contracts: readonly ContractSchema[]): Map<string, ContractSchema[]> {
  const byType = new Map<string, ContractSchema[]>();
  for (const contract of contracts)
    byType.set(contract.type, [...(byType.get(contract.type) ?? []), contract]);
  for (const versions of byType.values()) versions.sort((a, b) => a.version - b.version);
  return byType;
}
