import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, type ConfigProblem } from '@rtw/platform';
import { parseWebhookSecret, type WebhookSecret } from '@rtw/webhooks';
import {
  checkEndpoint,
  checkLimits,
  checkOrganisationId,
  checkRetrySchedule,
  isObject,
} from './directory-entry.check';
import { DEFAULT_LIMITS, DEFAULT_RETRY_SCHEDULE } from './directory-defaults';
import type {
  DeliveryLimits,
  PartnerOrganisation,
  RetrySchedule,
  TlsMaterial,
} from './directory.types';
import { PartnerDirectory } from './partner.directory';

/** How the directory file is read. */
export interface LoadDirectoryOptions {
  /** Path of the directory file; `file:` references and TLS paths are relative to its folder. */
  readonly file: string;
  /** The configuration key that named the file, for error messages. */
  readonly configKey: string;
  /** True when NODE_ENV is production: a development directory and plain http are refused. */
  readonly production: boolean;
  /** Where `env:NAME` secret references are read (the process environment by default). */
  readonly env?: NodeJS.ProcessEnv;
}

const SECRET_REFERENCE = /^(env|file):(.+)$/;

/**
 * Reads the partner directory: per receiving organisation, its endpoint, signing secrets (as
 * `env:` or `file:` references, never inline), optional mutual-TLS material, limits and retry
 * schedule. Everything is checked and resolved at boot; any problem fails the boot with a
 * ConfigError naming the key and the organisation, never a secret's value.
 */
export function loadPartnerDirectory(options: LoadDirectoryOptions): PartnerDirectory {
  const fail = (reason: string): never => {
    throw new ConfigError([{ key: options.configKey, reason }]);
  };
  const document = readJson(options.file);
  if (!isObject(document)) return fail('cannot be read as a JSON object');
  const environment = document['environment'];
  if (environment !== 'development' && environment !== 'production')
    fail('must declare environment development or production');
  if (environment === 'development' && options.production)
    fail('is a development directory, refused when NODE_ENV=production');
  const defaults = isObject(document['defaults']) ? document['defaults'] : {};
  const baseLimits = checkLimits(defaults['limits'], DEFAULT_LIMITS);
  if (typeof baseLimits === 'string') fail(`defaults ${baseLimits}`);
  const baseSchedule = checkRetrySchedule(defaults['retrySchedule'], DEFAULT_RETRY_SCHEDULE);
  if (typeof baseSchedule === 'string') fail(`defaults ${baseSchedule}`);
  const entries = document['organisations'];
  if (!Array.isArray(entries)) return fail('must list organisations');
  const problems: ConfigProblem[] = [];
  const context: EntryContext = {
    options: { ...options, production: options.production || environment === 'production' },
    limits: baseLimits as DeliveryLimits,
    schedule: baseSchedule as RetrySchedule,
  };
  const seen = new Set<string>();
  const organisations: PartnerOrganisation[] = [];
  entries.forEach((entry, index) => {
    const label = `organisation #${index}${isObject(entry) && typeof entry['id'] === 'string' ? ` (${entry['id']})` : ''}`;
    const built = toOrganisation(entry, context);
    if (typeof built === 'string')
      problems.push({ key: options.configKey, reason: `${label} ${built}` });
    else if (seen.has(built.id))
      problems.push({ key: options.configKey, reason: `${label} is listed twice` });
    else {
      seen.add(built.id);
      organisations.push(built);
    }
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return new PartnerDirectory(environment as 'development' | 'production', organisations);
}

interface EntryContext {
  readonly options: LoadDirectoryOptions;
  readonly limits: DeliveryLimits;
  readonly schedule: RetrySchedule;
}

function toOrganisation(entry: unknown, context: EntryContext): PartnerOrganisation | string {
  if (!isObject(entry)) return 'is not an object';
  const identity = checkOrganisationId(entry['id'], entry['partner']);
  if (typeof identity === 'string') return identity;
  const name = entry['name'];
  if (typeof name !== 'string' || name.trim() === '' || name.length > 100)
    return 'has a name that is not 1 to 100 characters';
  const endpoint = checkEndpoint(entry['endpoint'], context.options.production);
  if (typeof endpoint === 'string') return endpoint;
  const secrets = resolveSecrets(entry['signingSecrets'], context.options);
  if (typeof secrets === 'string') return secrets;
  const tls = readTls(entry['tls'], context.options);
  if (typeof tls === 'string') return tls;
  const limits = checkLimits(entry['limits'], context.limits);
  if (typeof limits === 'string') return limits;
  const retrySchedule = checkRetrySchedule(entry['retrySchedule'], context.schedule);
  if (typeof retrySchedule === 'string') return retrySchedule;
  return {
    id: entry['id'] as string,
    ...identity,
    name,
    endpoint,
    secrets,
    ...(tls ? { tls } : {}),
    limits,
    retrySchedule,
  };
}

function resolveSecrets(value: unknown, options: LoadDirectoryOptions): WebhookSecret[] | string {
  if (!Array.isArray(value) || value.length === 0 || value.length > 5)
    return 'must list 1 to 5 signingSecrets (newest first)';
  const secrets: WebhookSecret[] = [];
  for (const [index, reference] of value.entries()) {
    const match = typeof reference === 'string' ? SECRET_REFERENCE.exec(reference) : null;
    if (!match)
      return `has signingSecrets[${index}] that is not an env:NAME or file:path reference`;
    const text =
      match[1] === 'env'
        ? (options.env ?? process.env)[match[2]!]
        : readText(resolve(dirname(options.file), match[2]!));
    if (text === undefined || text.trim() === '')
      return `has signingSecrets[${index}] whose ${match[1] === 'env' ? 'variable is not set' : 'file cannot be read'}`;
    const secret = parseWebhookSecret(text);
    if (typeof secret === 'string') return `has signingSecrets[${index}] that ${secret}`;
    secrets.push(secret);
  }
  return secrets;
}

function readTls(value: unknown, options: LoadDirectoryOptions): TlsMaterial | undefined | string {
  if (value === undefined) return undefined;
  if (!isObject(value)) return 'has tls that is not an object';
  const read = (field: string): string | undefined =>
    typeof value[field] === 'string'
      ? readText(resolve(dirname(options.file), value[field] as string))
      : undefined;
  const cert = read('cert');
  const key = read('key');
  if (!cert || !key) return 'has tls without readable cert and key files';
  if (value['ca'] === undefined) return { cert, key };
  const ca = read('ca');
  return ca ? { cert, key, ca } : 'has a tls.ca file that cannot be read';
}

function readJson(path: string): unknown {
  const text = readText(path);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
