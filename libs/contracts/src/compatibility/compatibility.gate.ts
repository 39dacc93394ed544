import type {
  CommonSchema,
  ContractSchema,
  JsonSchemaObject,
  SchemaSet,
} from '../registry/schema-document.types';
import {
  type AcceptedTightening,
  type CompatibilityConfig,
  type CompatibilityDirection,
  type CompatibilityMode,
  acceptedTighteningOf,
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
  /** Set when the change compares an edited file with its published self (same version). */
  readonly published?: true;
  /** Set when compatibility.json lists the change as a deliberate tightening. */
  readonly accepted?: AcceptedTightening;
}

/** What a gate run found: the changes that fail it, and those let through on purpose. */
export interface GateResult {
  readonly breaking: readonly GateFinding[];
  readonly accepted: readonly GateFinding[];
}

const ENVELOPE_ID = 'urn:rtw:schema:common:cloud-event';
/** The type name findings about the envelope carry. */
export const ENVELOPE_TYPE = 'envelope';

/**
 * Checks every version of every contract against the earlier versions its mode names. Shared
 * definitions have no history of their own, so both sides resolve `$ref`s to the current ones.
 * Returns the breaking changes; deliberate tightenings of compatibility.json are left out.
 */
export function runCompatibilityGate(set: SchemaSet, config: CompatibilityConfig): GateFinding[] {
  return [...checkVersions(set, config).breaking];
}

/** Like runCompatibilityGate, with the accepted tightenings reported apart. */
export function checkVersions(set: SchemaSet, config: CompatibilityConfig): GateResult {
  const side = sideOf(set);
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
          for (const change of findReaderRejections(side(writer.schema), side(reader.schema))) {
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
  return split(findings, config);
}

/**
 * ADR 0011's "a published version never changes what it accepts", checked: compares every
 * contract version and the envelope of `published` (the schemas folder of the last release, or
 * of the branch a change goes into) with the same file in `current`, in both directions (FULL),
 * each side resolving `$ref`s to its own shared definitions, so an edit of a shared definition
 * shows too. A published version that disappeared is a finding of its own.
 */
export function checkPublished(
  published: SchemaSet,
  current: SchemaSet,
  config: CompatibilityConfig,
): GateResult {
  const [before, after] = [sideOf(published), sideOf(current)];
  const pairs: Array<[string, number, JsonSchemaObject, JsonSchemaObject | undefined]> =
    published.contracts.map((c) => [c.type, c.version, c.schema, contractById(current, c.id)]);
  const envelope = commonById(published, ENVELOPE_ID);
  if (envelope) {
    pairs.push([ENVELOPE_TYPE, 1, envelope.schema, commonById(current, ENVELOPE_ID)?.schema]);
  }
  const findings: GateFinding[] = [];
  for (const [type, version, old, edited] of pairs) {
    const finding = (direction: CompatibilityDirection, change: BreakingChange): GateFinding => ({
      ...{ type, version, against: version, mode: 'FULL', direction, change },
      published: true,
    });
    if (!edited) {
      const detail = 'a published contract version was removed';
      findings.push(finding('backward', { pointer: '', rule: 'PROPERTY_REMOVED', detail }));
      continue;
    }
    for (const change of findReaderRejections(before(old), after(edited)))
      findings.push(finding('backward', change));
    for (const change of findReaderRejections(after(edited), before(old)))
      findings.push(finding('forward', change));
  }
  return split(findings, config);
}

/** One readable line per finding, e.g. for the `contracts:compat` output. */
export function formatFinding(finding: GateFinding): string {
  const { type, version, against, mode, direction, change } = finding;
  const where = change.pointer === '' ? '/' : change.pointer;
  const [reader, writer] = finding.published
    ? direction === 'backward'
      ? [`the edited v${version}`, `the published v${version}`]
      : [`the published v${version}`, `the edited v${version}`]
    : direction === 'backward'
      ? [`v${version}`, `v${against}`]
      : [`v${against}`, `v${version}`];
  const compared = finding.published ? `published v${against}` : `v${against}`;
  const accepted = finding.accepted ? ` [accepted: ${finding.accepted.adr}]` : '';
  return (
    `${type} v${version} vs ${compared} [${mode}] ${where} ${change.rule}: ${change.detail}` +
    ` (readers of ${reader} would reject data written with ${writer})${accepted}`
  );
}

// Deliberate tightenings are about old data meeting a stricter reader: backward findings only.
function split(findings: readonly GateFinding[], config: CompatibilityConfig): GateResult {
  const breaking: GateFinding[] = [];
  const accepted: GateFinding[] = [];
  for (const finding of findings) {
    const tightening =
      finding.direction === 'backward' ? acceptedTighteningOf(config, finding.change) : undefined;
    if (tightening) accepted.push({ ...finding, accepted: tightening });
    else breaking.push(finding);
  }
  return { breaking, accepted };
}

function sideOf(set: SchemaSet): (root: JsonSchemaObject) => SchemaSide {
  const definitions = new Map<string, JsonSchemaObject>(set.common.map((c) => [c.id, c.schema]));
  return (root) => ({ root, definitions });
}

function contractById(set: SchemaSet, id: string): JsonSchemaObject | undefined {
  return set.contracts.find((c) => c.id === id)?.schema;
}

function commonById(set: SchemaSet, id: string): CommonSchema | undefined {
  return set.common.find((c) => c.id === id);
}

function groupByType(contracts: readonly ContractSchema[]): Map<string, ContractSchema[]> {
  const byType = new Map<string, ContractSchema[]>();
  for (const contract of contracts)
    byType.set(contract.type, [...(byType.get(contract.type) ?? []), contract]);
  for (const versions of byType.values()) versions.sort((a, b) => a.version - b.version);
  return byType;
}
