import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { JSONWebKeySet } from 'jose';
import { ConfigError, type ConfigProblem } from '@rtw/platform';
import { checkOrganisationEntry, type OrganisationEntry } from './organisation-entry.check';
import { OrganisationRegistry } from './organisation.registry';
import type { Organisation, RegistryEnvironment } from './organisation.types';
import { normaliseFingerprint } from './organisation.types';

/** How the registry file is read. */
export interface LoadOrganisationsOptions {
  /** Path of the registry file; JWKS paths inside it are relative to its folder. */
  file: string;
  /** The configuration key that named the file, for error messages. */
  configKey: string;
  /** True when NODE_ENV is production: a development registry is refused then. */
  production: boolean;
}

/**
 * Reads the organisations registry (data, not code: organisations join, merge and rotate keys)
 * and the JWKS files it names. Any problem fails the boot with a ConfigError naming the key.
 */
export function loadOrganisations(options: LoadOrganisationsOptions): OrganisationRegistry {
  const fail = (reason: string): never => {
    throw new ConfigError([{ key: options.configKey, reason }]);
  };
  const document = readJson(options.file) ?? fail('cannot be read as JSON');
  const environment = (document as { environment?: unknown }).environment;
  if (environment !== 'development' && environment !== 'production')
    fail('must declare environment development or production');
  if (environment === 'development' && options.production)
    fail('is a development registry, refused when NODE_ENV=production');
  const entries = (document as { organisations?: unknown }).organisations;
  if (!Array.isArray(entries)) fail('must list organisations');
  const problems: ConfigProblem[] = [];
  const organisations = (entries as unknown[]).map((entry, index) =>
    toOrganisation(entry, index, options, problems),
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return new OrganisationRegistry(
    environment as RegistryEnvironment,
    organisations.filter((o): o is Organisation => o !== undefined),
  );
}

function toOrganisation(
  entry: unknown,
  index: number,
  options: LoadOrganisationsOptions,
  problems: ConfigProblem[],
): Organisation | undefined {
  const checked = checkOrganisationEntry(entry);
  if (typeof checked === 'string') {
    problems.push({ key: options.configKey, reason: `organisation #${index} ${checked}` });
    return undefined;
  }
  const jwks =
    checked.jwks === undefined ? undefined : readJwks(resolve(dirname(options.file), checked.jwks));
  if (typeof jwks === 'string') {
    problems.push({ key: options.configKey, reason: `organisation #${index} JWKS ${jwks}` });
    return undefined;
  }
  return build(checked, jwks);
}

function build(entry: OrganisationEntry, jwks: JSONWebKeySet | undefined): Organisation {
  return {
    id: `${entry.kind}:${entry.code}`,
    kind: entry.kind,
    code: entry.code,
    source: `urn:rtw:org:${entry.kind}:${entry.code}`,
    jwks,
    certificateFingerprints: (entry.certificateFingerprints ?? []).map(normaliseFingerprint),
  };
}

/** The public keys of a JWKS file, or why they cannot be trusted. */
function readJwks(path: string): JSONWebKeySet | string {
  const document = readJson(path) as { keys?: unknown } | undefined;
  if (!document || !Array.isArray(document.keys) || document.keys.length === 0)
    return 'file is missing or has no keys';
  // A private key in a trust file means it was copied from the wrong place: refuse to start.
  if (document.keys.some((key) => typeof key !== 'object' || key === null || 'd' in key))
    return 'file holds a private key';
  return document as JSONWebKeySet;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
