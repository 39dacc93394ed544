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

/** The mode of every contract: a default and per-type overrides. */
export interface CompatibilityConfig {
  readonly defaultMode: CompatibilityMode;
  readonly overrides: Readonly<Record<string, CompatibilityMode>>;
}

/** Name of the config file, next to `canonical/` in the schemas folder. */
export const COMPATIBILITY_FILE = 'compatibility.json';

/** Used when the schemas folder has no compatibility.json. */
export const DEFAULT_COMPATIBILITY: CompatibilityConfig = {
  defaultMode: 'BACKWARD_TRANSITIVE',
  overrides: {},
};

/** Reads `<schemasDir>/compatibility.json` (`{ default, contracts: { <type>: <mode> } }`). */
export function loadCompatibilityConfig(schemasDir: string): CompatibilityConfig {
  const file = path.join(schemasDir, COMPATIBILITY_FILE);
  if (!fs.existsSync(file)) return DEFAULT_COMPATIBILITY;
  const raw: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!isJsonObject(raw)) throw configError('must hold a JSON object');
  const unknownKeys = Object.keys(raw).filter(
    (k) => !['description', 'default', 'contracts'].includes(k),
  );
  if (unknownKeys.length > 0) throw configError(`unknown keys: ${unknownKeys.join(', ')}`);
  const contracts = raw['contracts'] ?? {};
  if (!isJsonObject(contracts)) throw configError('contracts must map event types to modes');
  const overrides: Record<string, CompatibilityMode> = {};
  for (const [type, mode] of Object.entries(contracts))
    overrides[type] = asMode(mode, `contracts.${type}`);
  return {
    defaultMode: asMode(raw['default'] ?? DEFAULT_COMPATIBILITY.defaultMode, 'default'),
    overrides,
  };
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
