// LOCAL DEVELOPMENT ONLY (ADR 0092): the monitor's support signing key for `npm run hub:start`.
// Generated once into .local/keys/ (never committed: no private key lives in the repository), with
// a copy of config/organisations.json whose support organisation trusts its public key; the hub's
// apps read that copy unless an *_ORGANISATIONS_FILE is set.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exportJWK, generateKeyPair } from 'jose';

const ORGANISATION = 'support:hub-support';

export async function ensureDevMonitorTrust(root) {
  const dir = join(root, '.local', 'keys');
  const signingKeys = join(dir, 'monitor-signing-keys.json');
  const jwks = join(dir, 'monitor-support.jwks.json');
  const registry = join(dir, 'organisations.json');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(signingKeys) || !existsSync(jwks)) {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = `monitor-dev-${Date.now()}`;
    writeFileSync(
      signingKeys,
      JSON.stringify(
        { keys: { [ORGANISATION]: { kid, alg: 'ES256', jwk: await exportJWK(privateKey) } } },
        null,
        2,
      ),
      { mode: 0o600 },
    );
    writeFileSync(
      jwks,
      JSON.stringify(
        { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] },
        null,
        2,
      ),
    );
  }
  const document = JSON.parse(readFileSync(join(root, 'config', 'organisations.json'), 'utf8'));
  for (const organisation of document.organisations)
    if (`${organisation.kind}:${organisation.code}` === ORGANISATION) organisation.jwks = jwks;
  writeFileSync(registry, JSON.stringify(document, null, 2));
  return { registry, signingKeys };
}

// Run as a script (docker-compose.yml's one-shot `monitor-trust` service, ADR 0105): generate into
// the working directory's .local/keys/ and say where, naming no key material.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { registry, signingKeys } = await ensureDevMonitorTrust(process.cwd());
  console.log(`monitor trust: signing keys in ${signingKeys}, registry in ${registry}`);
}
