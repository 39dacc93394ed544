import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@rtw/platform';
import { loadOrganisations } from './organisations-file.loader';
import { createTestTrust } from '@rtw/testing';

const KEY = 'GATEWAY_ORGANISATIONS_FILE';
const FINGERPRINT = 'AB:'.repeat(31) + 'AB';

function writeRegistry(document: unknown, files: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rtw-orgs-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), JSON.stringify(content));
  writeFileSync(join(dir, 'organisations.json'), JSON.stringify(document));
  return join(dir, 'organisations.json');
}

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.key}: ${p.reason}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadOrganisations', () => {
  it('builds organisations with their source, JWKS and normalised certificate fingerprints', async () => {
    const trust = await createTestTrust({
      organisations: [
        { kind: 'insurer', code: '100' },
        { kind: 'regional', code: 'vdab', certificateFingerprints: [FINGERPRINT] },
      ],
    });
    const registry = loadOrganisations({ file: trust.file, configKey: KEY, production: false });

    expect(registry.byIssuer('urn:rtw:org:insurer:100')).toMatchObject({
      id: 'insurer:100',
      kind: 'insurer',
      code: '100',
    });
    expect(registry.byIssuer('urn:rtw:org:insurer:100')?.jwks?.keys).toHaveLength(1);
    expect(registry.byFingerprint('ab'.repeat(32))?.id).toBe('regional:vdab');
    expect(registry.ofKind('insurer').map((o) => o.code)).toEqual(['100']);
  });

  it('refuses a development registry when NODE_ENV is production, naming the key', async () => {
    const trust = await createTestTrust({ organisations: [{ kind: 'insurer', code: '100' }] });
    expect(
      problemsOf(() => loadOrganisations({ file: trust.file, configKey: KEY, production: true })),
    ).toEqual([`${KEY}: is a development registry, refused when NODE_ENV=production`]);
  });

  it('lists every unusable organisation at once', () => {
    const file = writeRegistry({
      environment: 'production',
      organisations: [
        { kind: 'insurer', code: '700' },
        { kind: 'bank', code: 'x' },
        { kind: 'cpmt', code: '0123456789', certificateFingerprints: ['not-hex'] },
        { kind: 'insurer', code: '200', jwks: 'missing.json' },
      ],
    });
    expect(problemsOf(() => loadOrganisations({ file, configKey: KEY, production: true }))).toEqual(
      [
        `${KEY}: organisation #0 has a code that is not valid for its kind`,
        `${KEY}: organisation #1 has an unknown kind (one of insurer, cpmt, regional, inami, support)`,
        `${KEY}: organisation #2 has a code that is not valid for its kind`,
        `${KEY}: organisation #3 JWKS file is missing or has no keys`,
      ],
    );
  });

  it('refuses a JWKS file that holds a private key', () => {
    const file = writeRegistry(
      {
        environment: 'production',
        organisations: [{ kind: 'insurer', code: '100', jwks: 'k.json' }],
      },
      { 'k.json': { keys: [{ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', d: 'secret' }] } },
    );
    expect(problemsOf(() => loadOrganisations({ file, configKey: KEY, production: true }))).toEqual(
      [`${KEY}: organisation #0 JWKS file holds a private key`],
    );
  });

  it('refuses a file that is not JSON or declares no environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtw-orgs-'));
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(
      problemsOf(() =>
        loadOrganisations({ file: join(dir, 'bad.json'), configKey: KEY, production: false }),
      ),
    ).toEqual([`${KEY}: cannot be read as JSON`]);
    const file = writeRegistry({ organisations: [] });
    expect(
      problemsOf(() => loadOrganisations({ file, configKey: KEY, production: false })),
    ).toEqual([`${KEY}: must declare environment development or production`]);
  });
});
