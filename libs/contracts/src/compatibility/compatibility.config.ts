import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContractError } from '../errors/contract.error';
import { isJsonObject } from '../registry/schema-document.types';

/**
 * BACKWARD: consumers using the new version can read data written with the previous one.
 * FORWARD: consumers still on the previous version can read data written with the new one.
 * FULL: both. `_TRANSITIVE`: against every earlier version, not just the previous. NONE: no check.
 */
const COMPATIBILITY_MODES = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const;

/** One of COMPATIBILITY_MODES. */
export type CompatibilityMode = (typeof COMPATIBILITY_MODES)[number];

/** Which way data flows in a check: old data to new readers, or new data to old readers. */
export type CompatibilityDirection = 'backward' | 'forward';

/**
 * A tightening the gate lets through on purpose: a reader that adds this semantic format (or the
 * pattern of the shared schema that carries it) where the writer had none. Each one names the ADR
 * that argues why no valid event changes meaning (ADR 0046).
 */
export interface AcceptedTightening {
  readonly format: string;
  readonly adr: string;
  readonly reason: string;
}

/** The mode of every contract: a default, per-type overrides, and deliberate tightenings. */
export interface CompatibilityConfig {
  readonly defaultMode: CompatibilityMode;
  readonly overrides: Readonly<Record<string, CompatibilityMode>>;
  readonly acceptedTightenings?: readonly AcceptedTightening[];
}

/** Name of the config file, next to `canonical/` in the schemas folder. */
export const COMPATIBILITY_FILE = 'compatibility.json';

/** Used when the schemas folder has no compatibility.json. */
export const DEFAULT_COMPATIBILITY: CompatibilityConfig = {
  defaultMode: 'BACKWARD_TRANSITIVE',
  overrides: {},
};

/**
 * Reads `<schemasDir>/compatibility.json`
 * (`{ default, contracts: { <type>: <mode> }, acceptedTightenings: [{ format, adr, reason }] }`).
 */
export function loadCompatibilityConfig(schemasDir: string): CompatibilityConfig {
  const file = path.join(schemasDir, COMPATIBILITY_FILE);
  if (!fs.existsSync(file)) return DEFAULT_COMPATIBILITY;
  const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isJsonObject(raw)) throw configError('must hold a JSON object');
  const unknownKeys = Object.keys(raw).filter(
    (k) => !['description', 'default', 'contracts', 'acceptedTightenings'].includes(k),
  );
  if (unknownKeys.length > 0) throw configError(`unknown keys: ${unknownKeys.join(', ')}`);
  const contracts = raw['contracts'] ?? {};
  if (!isJsonObject(contracts)) throw configError('contracts must map event types to modes');
  const overrides: Record<string, CompatibilityMode> = {};
  for (const [type, mode] of Object.entries(contracts))
    overrides[type] = asMode(mode, `contracts.${type}`);
  const defaultMode = asMode(raw['default'] ?? DEFAULT_COMPATIBILITY.defaultMode, 'default');
  const tightenings = raw['acceptedTightenings'];
  return tightenings === undefined
    ? { defaultMode, overrides }
    : { defaultMode, overrides, acceptedTightenings: asTightenings(tightenings) };
}

function asTightenings(value: unknown): AcceptedTightening[] {
  if (!Array.isArray(value)) throw configError('acceptedTightenings must be a list');
  return value.map((entry: unknown, index) => {
    const where = `acceptedTightenings[${index}]`;
    if (!isJsonObject(entry)) throw configError(`${where} must be an object`);
    const [format, adr, reason] = [entry['format'], entry['adr'], entry['reason']];
    if (typeof format !== 'string' || typeof adr !== 'string' || typeof reason !== 'string') {
      throw configError(`${where} needs the strings format, adr and reason`);
    }
    return { format, adr, reason };
  });
}

/** The accepted tightening that covers a breaking change, if any. */
export function acceptedTighteningOf(
  config: CompatibilityConfig,
  change: { readonly rule: string; readonly readerFormat?: string },
): AcceptedTightening | undefined {
  if (change.rule !== 'FORMAT_ADDED' && change.rule !== 'PATTERN_CHANGED') return undefined;
  return config.acceptedTightenings?.find((t) => t.format === change.readerFormat);
}

/** The mode that applies to an event type. */
export function modeFor(config: CompatibilityConfig, type: string): CompatibilityMode {
  return config.overrides[type] ?? config.defaultMode;
}

/** What a mode asks for: the directions to check and whether against all earlier versions. */
export function checksOf(mode: CompatibilityMode): {
  directions: CompatibilityDirection[];
  transitive: boolean;
} {
  const transitive = mode.endsWith('_TRANSITIVE');
  if (mode === 'NONE') return { directions: [], transitive: false };
  if (mode.startsWith('BACKWARD')) return { directions: ['backward'], transitive };
  if (mode.startsWith('FORWARD')) return { directions: ['forward'], transitive };
  return { directions: ['backward', 'forward'], transitive };
}

function asMode(value: unknown, where: string): CompatibilityMode {
  if ((COMPATIBILITY_MODES as readonly unknown[]).includes(value))
    return value as CompatibilityMode;
  throw configError(`${where} must be one of ${COMPATIBILITY_MODES.join(', ')}`);
}

function configError(reason: string): ContractError {
  return new ContractError({
    code: 'COMPATIBILITY_CONFIG_INVALID',
    message: `${COMPATIBILITY_FILE}: ${reason}`,
  });
}
