import { readFileSync } from 'node:fs';
import { ConfigError } from '@rtw/platform';
import { IngressError } from '../errors/ingress.error';
import type { OrganisationRegistry } from '../organisations/organisation.registry';
import type { Organisation } from '../organisations/organisation.types';
import type { Caller } from './caller.types';

/**
 * LOCAL DEVELOPMENT ONLY: static keys (`Authorization: DevKey <key>`) standing for an
 * organisation, so a developer can call the gateway with curl without signing tokens. The
 * gateway's configuration refuses to enable it when NODE_ENV=production.
 */
export class DevKeyAuthenticator {
  private constructor(private readonly keys: ReadonlyMap<string, Organisation>) {}

  /** Reads `{ "keys": { "<key>": "<kind>:<code>" } }`; every organisation must be in the registry. */
  static fromFile(
    file: string,
    configKey: string,
    registry: OrganisationRegistry,
  ): DevKeyAuthenticator {
    let document: { keys?: Record<string, unknown> };
    try {
      document = JSON.parse(readFileSync(file, 'utf8')) as typeof document;
    } catch {
      throw new ConfigError([{ key: configKey, reason: 'cannot be read as JSON' }]);
    }
    const keys = new Map<string, Organisation>();
    for (const [key, id] of Object.entries(document.keys ?? {})) {
      const organisation = typeof id === 'string' ? registry.byId(id) : undefined;
      if (!organisation || key.length < 16)
        throw new ConfigError([
          {
            key: configKey,
            reason: 'names an unknown organisation or a key shorter than 16 characters',
          },
        ]);
      keys.set(key, organisation);
    }
    return new DevKeyAuthenticator(keys);
  }

  /** The caller a static key stands for. */
  authenticate(key: string): Caller {
    const organisation = this.keys.get(key);
    if (!organisation)
      throw new IngressError({
        code: 'UNKNOWN_ORGANISATION',
        message: 'development key is not known',
      });
    return { organisation, method: 'dev-key' };
  }
}
