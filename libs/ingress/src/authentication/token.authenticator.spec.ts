import { loadOrganisations } from '../organisations/organisations-file.loader';
import { TokenAuthenticator } from './token.authenticator';
import { createTestTrust, type TestTrust } from '@rtw/testing';

const POLICY = {
  audience: 'urn:rtw:hub:gateway',
  clockToleranceSeconds: 30,
  maxLifetimeSeconds: 300,
};

describe('TokenAuthenticator', () => {
  let trust: TestTrust;
  let authenticator: TokenAuthenticator;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    trust = await createTestTrust({
      organisations: [
        { kind: 'insurer', code: '100' },
        { kind: 'insurer', code: '200' },
      ],
    });
    authenticator = new TokenAuthenticator(
      loadOrganisations({ file: trust.file, configKey: 'K', production: false }),
      POLICY,
    );
  });

  async function codeOf(token: Promise<string> | string): Promise<string | undefined> {
    try {
      await authenticator.authenticate(await token);
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  }

  it('returns the organisation, its token id and expiry for a valid token', async () => {
    const exp = now() + 100;
    const caller = await authenticator.authenticate(
      await trust.sign('insurer:100', { jti: 'token-1', exp }),
    );
    expect(caller).toMatchObject({
      method: 'token',
      organisation: { id: 'insurer:100' },
      token: { id: 'token-1', expiresAt: new Date(exp * 1000) },
      claims: { iss: 'urn:rtw:org:insurer:100', jti: 'token-1', exp },
    });
  });

  it.each([
    ['an expired token', { iat: now() - 400, exp: now() - 100 }, 'TOKEN_EXPIRED'],
    ['a token issued in the future', { iat: now() + 600, exp: now() + 700 }, 'TOKEN_NOT_YET_VALID'],
    ['a token not valid before a later time', { nbf: now() + 600 }, 'TOKEN_NOT_YET_VALID'],
    ['a token for another audience', { aud: 'urn:rtw:hub:other' }, 'TOKEN_CLAIMS_INVALID'],
    ['a token without jti', { jti: undefined }, 'TOKEN_CLAIMS_INVALID'],
    ['a token without iat', { iat: undefined }, 'TOKEN_CLAIMS_INVALID'],
    ['a token living longer than allowed', { exp: now() + 3600 }, 'TOKEN_CLAIMS_INVALID'],
    ['a token from an unknown issuer', { iss: 'urn:rtw:org:insurer:500' }, 'UNKNOWN_ORGANISATION'],
  ])('refuses %s', async (_what, overrides, code) => {
    await expect(codeOf(trust.sign('insurer:100', overrides))).resolves.toBe(code);
  });

  it("refuses a token signed with a key outside the organisation's JWKS", async () => {
    await expect(codeOf(trust.signWithForeignKey('insurer:100'))).resolves.toBe(
      'TOKEN_SIGNATURE_INVALID',
    );
  });

  it("refuses a token claiming one insurer but signed with another insurer's key", async () => {
    await expect(
      codeOf(trust.sign('insurer:200', { iss: 'urn:rtw:org:insurer:100' })),
    ).resolves.toBe('TOKEN_SIGNATURE_INVALID');
  });

  it('refuses an unsigned (alg none) token and garbage', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({
        iss: 'urn:rtw:org:insurer:100',
        aud: POLICY.audience,
        jti: 'x',
        iat: now(),
        exp: now() + 60,
      }),
    ).toString('base64url');
    await expect(codeOf(`${header}.${body}.`)).resolves.toBe('TOKEN_SIGNATURE_INVALID');
    await expect(codeOf('not-a-token')).resolves.toBe('TOKEN_MALFORMED');
  });
});
