import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT, importJWK, type CryptoKey, type JWK } from 'jose';
import { ConfigError } from '@rtw/platform';

/** One organisation's signing key in the signing keys file. */
interface SigningKeyEntry {
  readonly kid: string;
  readonly alg: 'ES256' | 'RS256';
  readonly jwk: JWK;
}

interface SigningKey {
  readonly kid: string;
  readonly alg: 'ES256' | 'RS256';
  readonly key: CryptoKey | Uint8Array;
}

/** How a callback of one organisation authenticates at the gateway, if it can. */
export type CallbackAuthentication = 'jwt' | 'dev-key' | 'none';

/**
 * How the sandbox's organisations authenticate their answers at the gateway, as the real ones
 * would: a fresh single-use JWT (`iss` = the organisation's source, `aud` = the gateway, 2
 * minutes) signed with the organisation's private key, whose public JWKS the gateway's
 * organisations file holds; in local development, failing a key, the organisation's development
 * key (`Authorization: DevKey ...`) that the gateway accepts when started with
 * GATEWAY_DEV_STATIC_KEYS.
 */
export class CallbackCredentials {
  private constructor(
    private readonly keys: ReadonlyMap<string, SigningKey>,
    private readonly devKeys: ReadonlyMap<string, string>,
    private readonly audience: string,
  ) {}

  static async load(options: {
    /** `{ "keys": { "<kind>:<code>": { "kid", "alg", "jwk" } } }` with private JWKs. */
    signingKeysFile?: string;
    /** The gateway's development keys file, `{ "keys": { "<key>": "<kind>:<code>" } }`. */
    devKeysFile?: string;
    audience: string;
  }): Promise<CallbackCredentials> {
    const keys = new Map<string, SigningKey>();
    if (options.signingKeysFile) {
      const entries = readJson(options.signingKeysFile, 'PARTNER_SANDBOX_SIGNING_KEYS_FILE') as {
        keys?: Record<string, SigningKeyEntry>;
      };
      for (const [organisation, entry] of Object.entries(entries.keys ?? {})) {
        try {
          keys.set(organisation, {
            kid: entry.kid,
            alg: entry.alg,
            key: await importJWK(entry.jwk, entry.alg),
          });
        } catch {
          throw new ConfigError([
            {
              key: 'PARTNER_SANDBOX_SIGNING_KEYS_FILE',
              reason: `holds an unusable key for ${organisation}`,
            },
          ]);
        }
      }
    }
    const devKeys = new Map<string, string>();
    if (options.devKeysFile) {
      const document = readJson(options.devKeysFile, 'PARTNER_SANDBOX_DEV_KEYS_FILE') as {
        keys?: Record<string, unknown>;
      };
      for (const [key, organisation] of Object.entries(document.keys ?? {}))
        if (typeof organisation === 'string' && !devKeys.has(organisation))
          devKeys.set(organisation, key);
    }
    return new CallbackCredentials(keys, devKeys, options.audience);
  }

  /** How `organisation` authenticates: its key first, its development key next. */
  methodOf(organisation: string): CallbackAuthentication {
    if (this.keys.has(organisation)) return 'jwt';
    return this.devKeys.has(organisation) ? 'dev-key' : 'none';
  }

  /** A fresh `Authorization` header value for one request, or undefined without credentials. */
  async authorization(organisation: string, now: Date = new Date()): Promise<string | undefined> {
    const signing = this.keys.get(organisation);
    if (signing) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: signing.alg, kid: signing.kid, typ: 'JWT' })
        .setIssuer(`urn:rtw:org:${organisation}`)
        .setAudience(this.audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + 120)
        .setJti(randomUUID())
        .sign(signing.key);
      return `Bearer ${token}`;
    }
    const devKey = this.devKeys.get(organisation);
    return devKey === undefined ? undefined : `DevKey ${devKey}`;
  }
}

function readJson(file: string, configKey: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ConfigError([{ key: configKey, reason: 'cannot be read as JSON' }]);
  }
}
