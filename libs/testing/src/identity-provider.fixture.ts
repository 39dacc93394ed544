// FOR TESTS AND LOCAL RUNS ONLY: a real OpenID provider (`oidc-provider`, certified) on
// loopback, so the monitor's login is exercised end to end without any outside identity provider
// (ADR 0090). Its login page is the provider's development page: any password is accepted, the
// login name picks one of the people below.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';

/** A person the test provider knows: their support roles and, for an insurer's staff, the insurer. */
export interface TestPerson {
  readonly roles: readonly string[];
  /** Insurer code for an insurer's staff; absent for the hub operator's staff. */
  readonly insurer?: string;
  readonly name: string;
}

/** The people of the test provider, by login name (also the ID token's `sub`). */
export const TEST_PEOPLE: Readonly<Record<string, TestPerson>> = {
  viewer: { roles: ['viewer'], name: 'Vera Viewer' },
  operator: { roles: ['operator'], name: 'Otto Operator' },
  privacy: { roles: ['privacy-officer'], name: 'Pia Privacy' },
  'insurer-100': { roles: ['viewer'], insurer: '100', name: 'Ilse Insurer' },
  nobody: { roles: [], name: 'Norbert Noroles' },
};

/**
 * The monitor's API as an OAuth resource (RFC 8707 resource indicator): access tokens for it are
 * JWTs (RFC 9068) with this audience, carrying the person's `rtw_roles` and `rtw_insurer`
 * (ADR 0100). The monitor's MONITOR_OIDC_AUDIENCE default.
 */
export const MONITOR_RESOURCE = 'urn:rtw:hub:monitor';

/** The `rtw` CLI's public client (no secret: it runs on people's machines), device flow only. */
export const CLI_CLIENT_ID = 'rtw-cli';

/** How long the provider's access tokens live, in seconds. */
export const ACCESS_TOKEN_TTL_S = 600;

/** A registered client of the test provider. */
export interface TestIdentityClient {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris?: readonly string[];
}

/** A running test provider. */
export interface TestIdentityProvider {
  /** The issuer URL (discovery at `<issuer>/.well-known/openid-configuration`). */
  readonly issuer: string;
  close(): Promise<void>;
}

/**
 * Starts `oidc-provider` on loopback with one confidential client and the {@link TEST_PEOPLE}.
 * Consent is granted without asking (a first-party client), so a login is: the provider's login
 * form, then straight back to the client with a code. ID tokens carry `rtw_roles`,
 * `rtw_insurer` and `name` (scope `rtw`). The `rtw` CLI's public client ({@link CLI_CLIENT_ID})
 * gets access tokens for {@link MONITOR_RESOURCE} through the device authorization grant
 * (RFC 8628; `deviceFlowAccessToken` drives it in tests), with the same roles (ADR 0100).
 */
export async function startTestIdentityProvider(options: {
  client: TestIdentityClient;
  port?: number;
  host?: string;
}): Promise<TestIdentityProvider> {
  // oidc-provider is ESM without top-level await (Node 24 loads it with require()) and ships no
  // types: the few parts used here are typed below.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: Provider, errors } = require('oidc-provider') as {
    default: ProviderClass;
    errors: { InvalidTarget: new () => Error };
  };
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: 'test-idp-1',
    alg: 'RS256',
    use: 'sig',
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.client.clientId,
        client_secret: options.client.clientSecret,
        redirect_uris: [...options.client.redirectUris],
        post_logout_redirect_uris: [...(options.client.postLogoutRedirectUris ?? [])],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: CLI_CLIENT_ID,
        client_name: 'rtw command line',
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'none',
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: ['openid', 'rtw'],
    claims: { openid: ['sub'], rtw: ['rtw_roles', 'rtw_insurer', 'name'] },
    // The monitor reads roles from the ID token itself (no userinfo round trip).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // Short lives, stated (the provider warns about every default it has to pick).
    ttl: {
      AuthorizationCode: 60,
      IdToken: 600,
      AccessToken: ACCESS_TOKEN_TTL_S,
      DeviceCode: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    features: {
      devInteractions: { enabled: true },
      // Plain pages of our own: the defaults pull a web font from Google (no outside calls here).
      deviceFlow: {
        enabled: true,
        userCodeInputSource: (ctx: PageContext, form: string) =>
          page(
            ctx,
            'Sign in to rtw',
            `<p>Enter the code rtw shows.</p>${form}`,
            'op.deviceInputForm',
          ),
        userCodeConfirmSource: (
          ctx: PageContext,
          form: string,
          _client: unknown,
          _device: unknown,
          userCode: string,
        ) =>
          page(
            ctx,
            'Confirm',
            `<p>Does rtw show <code>${userCode}</code>?</p>${form}`,
            'op.deviceConfirmForm',
          ),
        successSource: (ctx: PageContext) =>
          page(ctx, 'Sign-in Success', '<p>You can close this window and return to rtw.</p>'),
      },
      resourceIndicators: {
        enabled: true,
        // A token request without `resource` gets the one the device authorization named.
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, indicator: string) => {
          if (indicator !== MONITOR_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: 'rtw',
            audience: MONITOR_RESOURCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: ACCESS_TOKEN_TTL_S,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // The monitor reads the same claims from the access token as from the ID token.
    extraTokenClaims: (_ctx: unknown, token: { kind: string; accountId?: string }) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const { rtw_roles, rtw_insurer } = claimsOf(token.accountId);
      return { rtw_roles, ...(rtw_insurer ? { rtw_insurer } : {}) };
    },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => claimsOf(id),
    }),
    loadExistingGrant: async (ctx: GrantContext) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId,
      });
      grant.addOIDCScope('openid rtw');
      grant.addResourceScope(MONITOR_RESOURCE, 'rtw');
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  // Readiness like the hub's apps, so `npm run hub:start` waits for it the same way.
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.url === '/health/ready') response.writeHead(200).end('{"status":"ok"}');
    else handle(request, response);
  });
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface PageContext {
  body: string;
  type: string;
}

/** A page of the device flow; `form` names the provider's form its button submits. */
function page(ctx: PageContext, title: string, content: string, form?: string): void {
  const button = form ? `<button type="submit" form="${form}">Continue</button>` : '';
  ctx.type = 'html';
  ctx.body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${content}${button}</body></html>`;
}

function claimsOf(login: string): Record<string, unknown> {
  const person = TEST_PEOPLE[login];
  return {
    sub: login,
    name: person?.name ?? 'Unknown Person',
    rtw_roles: [...(person?.roles ?? [])],
    ...(person?.insurer ? { rtw_insurer: person.insurer } : {}),
  };
}

/** The parts of oidc-provider's API this fixture uses. */
type ProviderClass = new (
  issuer: string,
  configuration: Record<string, unknown>,
) => { callback(): (request: IncomingMessage, response: ServerResponse) => void };

interface TestGrant {
  addOIDCScope(scope: string): void;
  addResourceScope(indicator: string, scope: string): void;
  save(): Promise<unknown>;
}

interface GrantContext {
  oidc: {
    result?: { consent?: { grantId?: string } };
    session?: { accountId?: string; grantIdFor(clientId: string): string | undefined };
    client?: { clientId: string };
    provider: {
      Grant: (new (init: { clientId: string; accountId?: string }) => TestGrant) & {
        find(id: string): Promise<TestGrant | undefined>;
      };
    };
  };
}
