import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import { ConfigError } from '@rtw/platform';
import type { SupportRole } from '@rtw/ingress';

/** Tokens live one minute: enough for one call, well under the APIs' 300 s maximum. */
const TOKEN_LIFETIME_S = 60;
const KEYS_KEY = 'MONITOR_SUPPORT_SIGNING_KEYS_FILE';

/** The person a support token speaks for. */
export interface SupportTokenSubject {
  readonly subject: string;
  readonly roles: readonly SupportRole[];
}

/**
 * Signs the support JWTs the monitor sends to the tracker and delivery for the logged-in person
 * (ADR 0092): issuer the monitor's support organisation (its public key is that organisation's
 * JWKS in the organisations registry), `sub` the person, `rtw_roles` their roles (or fewer:
 * masked reads drop privacy-officer), a fresh `jti` per call (delivery's operator actions take a
 * token only once), one-minute life.
 */
export class SupportTokenSigner {
  private constructor(
    private readonly issuer: string,
    private readonly kid: string,
    private readonly alg: string,
    private readonly key: CryptoKey | Uint8Array,
  ) {}

  /** Reads the private key of `organisation` (`<kind>:<code>`) from the signing keys file. */
  static async load(file: string, organisation: string): Promise<SupportTokenSigner> {
    const fail = (reason: string): never => {
      throw new ConfigError([{ key: KEYS_KEY, reason }]);
    };
    let document: { keys?: Record<string, { kid?: string; alg?: string; jwk?: JWK }> };
    try {
      document = JSON.parse(readFileSync(file, 'utf8')) as typeof document;
    } catch {
      return fail('cannot be read as JSON (npm run hub:start writes a development one)');
    }
    const entry = document.keys?.[organisation];
    if (!entry?.kid || !entry.alg || !entry.jwk) return fail(`holds no key for ${organisation}`);
    const key = await importJWK(entry.jwk, entry.alg).catch(() =>
      fail(`holds an unusable key for ${organisation}`),
    );
    return new SupportTokenSigner(`urn:rtw:org:${organisation}`, entry.kid, entry.alg, key);
  }

  async sign(audience: string, who: SupportTokenSubject): Promise<string> {
    return new SignJWT({ rtw_roles: [...who.roles] })
      .setProtectedHeader({ alg: this.alg, kid: this.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setSubject(who.subject)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_S}s`)
      .sign(this.key);
  }
}
