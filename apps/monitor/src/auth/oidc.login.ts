import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { rolesOf } from '@rtw/ingress';
import type { Logger } from '@rtw/platform';
import { MonitorApiError } from '../http/monitor-api.error';
import type { ConsoleSession } from './console-session.types';

/** What must survive the round trip to the identity provider (sealed in a short-lived cookie). */
export interface PendingLogin {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** Where the monitor's login goes. */
export interface OidcLoginOptions {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The monitor's callback URL, registered at the provider. */
  readonly redirectUri: string;
  readonly logger: Logger;
}

const SCOPE = 'openid rtw';

/**
 * OpenID Connect authorization code flow with PKCE, state and nonce (ADR 0090), by
 * `openid-client`: discovery, the authorization URL, the code exchange and every ID token check
 * (signature against the provider's JWKS, issuer, audience, expiry, nonce) are the library's.
 * Discovery is lazy and retried on the next login when it fails, so the monitor starts and serves
 * its health and its logged-in people while the identity provider is down.
 */
export class OidcLogin {
  private configuration?: Promise<oidc.Configuration>;

  constructor(private readonly options: OidcLoginOptions) {}

  /** The provider URL to send the browser to, and what to keep until it comes back. */
  async start(): Promise<{ url: string; pending: PendingLogin }> {
    const configuration = await this.discover();
    const pending: PendingLogin = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.options.redirectUri,
      scope: SCOPE,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, pending };
  }

  /** The session of the person the provider sent back, or LOGIN_FAILED / NO_SUPPORT_ROLE. */
  async finish(callbackUrl: URL, pending: PendingLogin): Promise<ConsoleSession> {
    const configuration = await this.discover();
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      // The provider's or the library's words may name the person: log the error's kind only.
      this.options.logger.warn(
        { code: (error as { code?: string }).code, kind: (error as Error).name },
        'Login refused: the authorization response or ID token did not verify',
      );
      throw new MonitorApiError({
        code: 'LOGIN_FAILED',
        message: 'the login could not be verified; log in again',
      });
    }
    if (!claims)
      throw new MonitorApiError({
        code: 'LOGIN_FAILED',
        message: 'the provider returned no ID token',
      });
    const roles = [...rolesOf(claims['rtw_roles'])];
    if (roles.length === 0)
      throw new MonitorApiError({
        code: 'NO_SUPPORT_ROLE',
        message: 'your account has no support role (viewer, operator or privacy-officer)',
      });
    const insurer = claims['rtw_insurer'];
    return {
      subject: claims.sub,
      name: typeof claims['name'] === 'string' ? claims['name'] : claims.sub,
      roles,
      insurer: typeof insurer === 'string' && insurer !== '' ? insurer : null,
      csrf: randomBytes(32).toString('base64url'),
    };
  }

  /** The issuer and its signing keys' URL, for the bearer token path (ADR 0100). */
  async issuerKeys(): Promise<{ issuer: string; jwksUri: string }> {
    const metadata = (await this.discover()).serverMetadata();
    if (!metadata.jwks_uri)
      throw new MonitorApiError({
        code: 'IDENTITY_PROVIDER_UNAVAILABLE',
        message: 'the identity provider publishes no signing keys (jwks_uri)',
      });
    return { issuer: metadata.issuer, jwksUri: metadata.jwks_uri };
  }

  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.options.issuer),
        this.options.clientId,
        this.options.clientSecret,
        undefined,
        {
          // Plain http only for a loopback development or test provider; real ones are https.
          execute: isLoopbackHttp(this.options.issuer) ? [oidc.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        this.options.logger.warn({ err: error }, 'OpenID provider discovery failed');
        throw new MonitorApiError({
          code: 'IDENTITY_PROVIDER_UNAVAILABLE',
          message: 'the identity provider cannot be reached; try again shortly',
          cause: error,
        });
      });
    return this.configuration;
  }
}

function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
