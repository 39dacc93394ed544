import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrganisations } from '../organisations/organisations-file.loader';
import type { OrganisationRegistry } from '../organisations/organisation.registry';
import { DevKeyAuthenticator } from './dev-key.authenticator';
import { RequestAuthenticator } from './request.authenticator';
import { TokenAuthenticator } from './token.authenticator';
import { InMemoryTokenReplayGuard } from './token-replay.guard';
import { createTestTrust, type TestTrust } from '@rtw/testing';

const FINGERPRINT = 'cd'.repeat(32);

describe('RequestAuthenticator', () => {
  let trust: TestTrust;
  let registry: OrganisationRegistry;

  beforeAll(async () => {
    trust = await createTestTrust({
      organisations: [
        { kind: 'insurer', code: '100' },
        { kind: 'cpmt', code: '0403170701', certificateFingerprints: [FINGERPRINT] },
      ],
    });
    registry = loadOrganisations({ file: trust.file, configKey: 'K', production: false });
  });

  function authenticator(devKeys?: DevKeyAuthenticator): RequestAuthenticator {
    const tokens = new TokenAuthenticator(registry, {
      audience: trust.audience,
      clockToleranceSeconds: 5,
      maxLifetimeSeconds: 300,
    });
    return new RequestAuthenticator({
      registry,
      tokens,
      replays: new InMemoryTokenReplayGuard(),
      devKeys,
    });
  }

  it('accepts a bearer token once and refuses its replay', async () => {
    const subject = authenticator();
    const authorization = `Bearer ${await trust.sign('insurer:100')}`;
    await expect(subject.authenticate({ authorization })).resolves.toMatchObject({
      organisation: { id: 'insurer:100' },
    });
    await expect(subject.authenticate({ authorization })).rejects.toMatchObject({
      code: 'TOKEN_REPLAYED',
    });
  });

  it('maps a registered client certificate to its organisation before looking at headers', async () => {
    const caller = await authenticator().authenticate({
      clientCertificateFingerprint: FINGERPRINT.toUpperCase(),
      authorization: 'Bearer junk',
    });
    expect(caller).toMatchObject({
      method: 'certificate',
      organisation: { id: 'cpmt:0403170701' },
    });
  });

  it('refuses an unregistered client certificate as an unknown organisation', async () => {
    await expect(
      authenticator().authenticate({ clientCertificateFingerprint: 'ef'.repeat(32) }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_ORGANISATION' });
  });

  it('asks for credentials when there are none, or only an unsupported scheme', async () => {
    await expect(authenticator().authenticate({})).rejects.toMatchObject({
      code: 'AUTHENTICATION_REQUIRED',
    });
    await expect(
      authenticator().authenticate({ authorization: 'Basic dXNlcjpwYXNz' }),
    ).rejects.toMatchObject({ code: 'AUTHENTICATION_REQUIRED' });
  });

  it('accepts development keys only when they are enabled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rtw-dev-keys-'));
    writeFileSync(
      join(dir, 'keys.json'),
      JSON.stringify({ keys: { 'dev-insurer-100-key': 'insurer:100' } }),
    );
    const devKeys = DevKeyAuthenticator.fromFile(
      join(dir, 'keys.json'),
      'GATEWAY_DEV_STATIC_KEYS',
      registry,
    );

    await expect(
      authenticator(devKeys).authenticate({ authorization: 'DevKey dev-insurer-100-key' }),
    ).resolves.toMatchObject({ method: 'dev-key', organisation: { id: 'insurer:100' } });
    await expect(
      authenticator(devKeys).authenticate({ authorization: 'DevKey unknown-key-000000' }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_ORGANISATION' });
  });

  it('says that development keys are disabled, and how to enable them, when a DevKey arrives without them', async () => {
    await expect(
      authenticator().authenticate({ authorization: 'DevKey dev-insurer-100-key' }),
    ).rejects.toMatchObject({
      code: 'DEV_KEYS_DISABLED',
      message: expect.stringMatching(/development keys are disabled.*GATEWAY_DEV_STATIC_KEYS/),
    });
  });
});
