import { existsSync, readFileSync } from 'node:fs';
import { ConfigError } from '@rtw/platform';
import { isValidEnterpriseNumber } from '@rtw/domain';
import type { PartnerCode } from '@rtw/partners';

/** The contract an organisation of the sandbox speaks: a partner contract, or INAMI's dataset. */
export type SandboxPartner = PartnerCode | 'inami';

/** One organisation the sandbox plays. */
export interface SandboxOrganisation {
  /** `<kind>:<code>`, as in the gateway's organisations registry and delivery's directory. */
  readonly id: string;
  readonly kind: 'regional' | 'cpmt' | 'inami';
  readonly code: string;
  readonly partner: SandboxPartner;
  /** Where delivery sends its messages (config/partners.json points here). */
  readonly path: string;
}

/** The prevention service of the examples, played when no list of services is configured. */
export const EXAMPLE_PREVENTION_SERVICE = '0403170701';

const REGIONAL: readonly PartnerCode[] = ['actiris', 'vdab', 'forem', 'adg'];

/**
 * Every organisation the sandbox plays, with its endpoint: `POST /<service>/messages` for the
 * regional services, `POST /cpmt/<enterprise number>/messages` for each prevention service's
 * CPMTs, `POST /inami/messages` for INAMI.
 */
export function sandboxOrganisations(preventionServices: readonly string[]): SandboxOrganisation[] {
  return [
    ...REGIONAL.map((code) => ({
      id: `regional:${code}`,
      kind: 'regional' as const,
      code,
      partner: code,
      path: `/${code}/messages`,
    })),
    ...preventionServices.map((code) => ({
      id: `cpmt:${code}`,
      kind: 'cpmt' as const,
      code,
      partner: 'cpmt' as const,
      path: `/cpmt/${code}/messages`,
    })),
    { id: 'inami:inami', kind: 'inami', code: 'inami', partner: 'inami', path: '/inami/messages' },
  ];
}

/**
 * The enterprise numbers of the prevention services in the reference file
 * (`{ services: [{ enterpriseNumber, ... }] }`), or the example service when the file does not
 * exist. A file that exists but cannot be read is a configuration error naming `configKey`.
 */
export function preventionServicesOf(file: string, configKey: string): string[] {
  if (!existsSync(file)) return [EXAMPLE_PREVENTION_SERVICE];
  let numbers: unknown[];
  try {
    const document = JSON.parse(readFileSync(file, 'utf8')) as { services?: unknown };
    numbers = Array.isArray(document.services)
      ? document.services.map(
          (service) => (service as { enterpriseNumber?: unknown })?.enterpriseNumber,
        )
      : [];
  } catch {
    throw new ConfigError([{ key: configKey, reason: 'cannot be read as JSON' }]);
  }
  if (
    numbers.length === 0 ||
    !numbers.every((n) => typeof n === 'string' && isValidEnterpriseNumber(n))
  )
    throw new ConfigError([
      { key: configKey, reason: 'must list services, each with a valid enterpriseNumber' },
    ]);
  return [...new Set(numbers as string[])];
}
