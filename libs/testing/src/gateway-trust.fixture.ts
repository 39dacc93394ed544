// FOR TESTS AND BENCHMARKS ONLY: a throw-away trust setup (key pairs, JWKS files, an
// organisations registry file) and a token signer, so tests never depend on committed keys. It
// writes the registry file as an operator would, without importing the gateway's lib (@rtw/ingress
// sits above this one in the layer order, ADR 0040): the gateway's loader checks what it reads.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** An organisation to put in the test registry. */
export interface TestOrganisationSpec {
  /** An organisation kind of the registry file: `insurer`, `cpmt`, `regional`, `inami`, `support`. */
  kind: string;
  code: string;
  /** Client certificate fingerprints (SHA-256 hex) for mutual TLS. */
  certificateFingerprints?: string[];
}

/**
 * Claims to override or drop when signing a test token (`undefined` drops the claim); any other
 * claim (`sub`, `rtw_roles`...) is added as given.
 */
export type TokenOverrides = Partial<
  Record<'iss' | 'aud' | 'jti' | 'iat' | 'exp' | 'nbf', string | number | undefined>
> & { readonly [claim: string]: unknown };

/** A test trust setup. */
export interface TestTrust {
  /** The organisations registry file (for GATEWAY_ORGANISATIONS_FILE). */
  readonly file: string;
  readonly dir: string;
  readonly audience: string;
  /** A fresh single-use token of an organisation (`<kind>:<code>`), valid for 2 minutes. */
  sign(organisationId: string, overrides?: TokenOverrides): Promise<string>;
  /** A token signed with a key the registry does not trust. */
  signWithForeignKey(organisationId: string): Promise<string>;
  /**
   * The organisations' private keys, `{ "keys": { "<kind>:<code>": { kid, alg, jwk } } }`, for a
   * process that must sign as them (the partner sandbox's PARTNER_SANDBOX_SIGNING_KEYS_FILE).
   */
  readonly signingKeysFile: string;
}

/** Default audience of test tokens, the gateway's default too. */
export const TEST_AUDIENCE = 'urn:rtw:hub:gateway';

/** Generates ES256 keys per organisation and writes the registry and JWKS files to a temp folder. */
export async function createTestTrust(options: {
  organisations: TestOrganisationSpec[];
  /** What the registry file declares itself to be; `development` unless given. */
  environment?: 'development' | 'production';
  audience?: string;
}): Promise<TestTrust> {
  const dir = mkdtempSync(join(tmpdir(), 'rtw-trust-'));
  const keys = new Map<string, CryptoKey>();
  const entries = [];
  for (const spec of options.organisations) {
    const id = `${spec.kind}:${spec.code}`;
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    keys.set(id, privateKey);
    const jwks = `${spec.kind}-${spec.code}.jwks.json`;
    writeFileSync(
      join(dir, jwks),
      JSON.stringify({
        keys: [{ ...(await exportJWK(publicKey)), kid: `${id}-1`, alg: 'ES256', use: 'sig' }],
      }),
    );
    entries.push({
      kind: spec.kind,
      code: spec.code,
      jwks,
      certificateFingerprints: spec.certificateFingerprints ?? [],
    });
  }
  const signingKeysFile = join(dir, 'signing-keys.json');
  const privateJwks: Record<string, unknown> = {};
  for (const [id, key] of keys)
    privateJwks[id] = { kid: `${id}-1`, alg: 'ES256', jwk: await exportJWK(key) };
  writeFileSync(signingKeysFile, JSON.stringify({ keys: privateJwks }), { mode: 0o600 });
  const file = join(dir, 'organisations.json');
  writeFileSync(
    file,
    JSON.stringify(
      { environment: options.environment ?? 'development', organisations: entries },
      null,
      2,
    ),
  );
  const audience = options.audience ?? TEST_AUDIENCE;
  const foreign = (await generateKeyPair('ES256')).privateKey;
  const signWith = (key: CryptoKey | undefined, id: string, overrides: TokenOverrides = {}) => {
    if (!key) throw new Error(`no test key for ${id}`);
    return signToken(
      key,
      { ...defaultClaims(id, audience), ...overrides } as JWTPayload,
      `${id}-1`,
    );
  };
  return {
    file,
    dir,
    audience,
    sign: (id, overrides) => signWith(keys.get(id), id, overrides),
    signWithForeignKey: (id) => signWith(foreign, id),
    signingKeysFile,
  };
}

function defaultClaims(organisationId: string, audience: string): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: `urn:rtw:org:${organisationId}`,
    aud: audience,
    jti: randomUUID(),
    iat: now,
    exp: now + 120,
  };
}

function signToken(key: CryptoKey, claims: JWTPayload, kid: string): Promise<string> {
  const payload = Object.fromEntries(
    Object.entries(claims).filter(([, value]) => value !== undefined),
  );
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(key);
}
