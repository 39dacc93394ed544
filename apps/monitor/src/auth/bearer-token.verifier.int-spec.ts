import { createLogger } from '@rtw/platform';
import {
  MONITOR_RESOURCE,
  deviceFlowAccessToken,
  freePort,
  startDeviceAuthorization,
  approveDeviceAuthorization,
  redeemDeviceCode,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from '@rtw/testing';
import { BearerTokenVerifier } from './bearer-token.verifier';
import { OidcLogin } from './oidc.login';

const logger = createLogger({ app: 'monitor', level: 'silent' });
const HOUR = 3_600_000;

async function codeOf(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

// The bearer path of the monitor's API (ADR 0100) against a real OpenID provider
// (oidc-provider): tokens come from a real device authorization grant.
describe('BearerTokenVerifier', () => {
  let idp: TestIdentityProvider;
  let login: OidcLogin;
  const verifier = (options: { audience?: string; now?: () => Date; issuer?: string } = {}) =>
    new BearerTokenVerifier({
      issuerKeys: async () => {
        const keys = await login.issuerKeys();
        return { ...keys, issuer: options.issuer ?? keys.issuer };
      },
      audience: options.audience ?? MONITOR_RESOURCE,
      clock: { now: options.now ?? (() => new Date()) },
      logger,
    });

  beforeAll(async () => {
    idp = await startTestIdentityProvider({
      client: {
        clientId: 'rtw-monitor',
        clientSecret: 'test-only-monitor-client-secret-0123456789',
        redirectUris: ['http://127.0.0.1:1/auth/callback'],
      },
    });
    login = new OidcLogin({
      issuer: idp.issuer,
      clientId: 'rtw-monitor',
      clientSecret: 'test-only-monitor-client-secret-0123456789',
      redirectUri: 'http://127.0.0.1:1/auth/callback',
      logger,
    });
  });
  afterAll(async () => {
    await idp?.close();
  });

  it("accepts the provider's access token with the person's roles, insurer and client", async () => {
    const operator = await deviceFlowAccessToken({ issuer: idp.issuer, login: 'operator' });
    expect(await verifier().verify(operator)).toEqual({
      subject: 'operator',
      name: 'operator',
      roles: ['operator', 'viewer'],
      insurer: null,
      csrf: '',
      via: { channel: 'token', clientId: 'rtw-cli' },
    });
    const insurer = await deviceFlowAccessToken({ issuer: idp.issuer, login: 'insurer-100' });
    expect(await verifier().verify(insurer)).toMatchObject({ roles: ['viewer'], insurer: '100' });
  });

  it('refuses an expired token with TOKEN_EXPIRED', async () => {
    const token = await deviceFlowAccessToken({ issuer: idp.issuer, login: 'viewer' });
    const later = verifier({ now: () => new Date(Date.now() + HOUR) });
    expect(await codeOf(later.verify(token))).toBe('TOKEN_EXPIRED');
  });

  it('refuses a token for another audience with TOKEN_AUDIENCE_MISMATCH', async () => {
    const token = await deviceFlowAccessToken({ issuer: idp.issuer, login: 'viewer' });
    const elsewhere = verifier({ audience: 'urn:rtw:hub:another-monitor' });
    expect(await codeOf(elsewhere.verify(token))).toBe('TOKEN_AUDIENCE_MISMATCH');
  });

  it('refuses a tampered token, another issuer, an ID token and garbage with TOKEN_INVALID', async () => {
    const device = await startDeviceAuthorization({ issuer: idp.issuer });
    await approveDeviceAuthorization({
      issuer: idp.issuer,
      userCode: device.user_code,
      login: 'operator',
    });
    const tokens = (await redeemDeviceCode({
      issuer: idp.issuer,
      deviceCode: device.device_code,
    })) as { access_token: string; id_token?: string };
    const [header, payload, signature] = tokens.access_token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
    const forged = Buffer.from(JSON.stringify({ ...claims, rtw_roles: ['privacy-officer'] }));
    const tampered = `${header}.${forged.toString('base64url')}.${signature}`;
    expect(await codeOf(verifier().verify(tampered))).toBe('TOKEN_INVALID');
    expect(
      await codeOf(verifier({ issuer: 'http://127.0.0.1:1' }).verify(tokens.access_token)),
    ).toBe('TOKEN_INVALID');
    expect(tokens.id_token).toBeDefined();
    expect(await codeOf(verifier().verify(tokens.id_token!))).toBe('TOKEN_INVALID');
    expect(await codeOf(verifier().verify('not-a-jwt'))).toBe('TOKEN_INVALID');
  });

  it('refuses a token of a person without a support role with NO_SUPPORT_ROLE', async () => {
    const token = await deviceFlowAccessToken({ issuer: idp.issuer, login: 'nobody' });
    expect(await codeOf(verifier().verify(token))).toBe('NO_SUPPORT_ROLE');
  });

  it('says IDENTITY_PROVIDER_UNAVAILABLE when the keys cannot be fetched', async () => {
    const token = await deviceFlowAccessToken({ issuer: idp.issuer, login: 'viewer' });
    const closedPort = await freePort();
    const keyless = new BearerTokenVerifier({
      issuerKeys: async () => ({
        issuer: idp.issuer,
        jwksUri: `http://127.0.0.1:${closedPort}/jwks`,
      }),
      audience: MONITOR_RESOURCE,
      clock: { now: () => new Date() },
      logger,
    });
    expect(await codeOf(keyless.verify(token))).toBe('IDENTITY_PROVIDER_UNAVAILABLE');
  });
});
