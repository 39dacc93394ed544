import { writeFileSync } from 'node:fs';
import * as oidc from 'openid-client';
import { EXIT, MonitorCliFailure } from './monitor-cli.client';

/** The development identity provider `hub:start` runs (ADR 0094); RTW_OIDC_ISSUER elsewhere. */
const DEFAULT_ISSUER = 'http://127.0.0.1:3005';

/** What `rtw login` needs: where to log in, for which API, and where to put the token. */
export interface LoginOptions {
  readonly issuer?: string;
  readonly tokenFile?: string;
}

/**
 * `rtw login`: the OAuth device authorization grant (RFC 8628, ADR 0100) at the organisation's
 * identity provider, by `openid-client`: prints where to log in and the code to check, waits for
 * the person to log in in any browser, then writes the access token for the monitor to the token
 * file (mode 0600) or, without one, to stdout (`export RTW_MONITOR_TOKEN=$(rtw login)`). The
 * CLI is a public client: it holds no secret, the person's login is the only credential.
 */
export async function login(
  options: LoginOptions,
  io: { out: (line: string) => void; err: (line: string) => void; env: NodeJS.ProcessEnv },
): Promise<void> {
  const issuer = options.issuer ?? (io.env['RTW_OIDC_ISSUER'] || DEFAULT_ISSUER);
  if (!URL.canParse(issuer))
    throw new MonitorCliFailure(EXIT.config, `the identity provider is not a URL: ${issuer}`);
  const clientId = io.env['RTW_OIDC_CLIENT_ID'] || 'rtw-cli';
  const resource = io.env['RTW_MONITOR_AUDIENCE'] || 'urn:rtw:hub:monitor';
  const tokenFile = options.tokenFile ?? (io.env['RTW_MONITOR_TOKEN_FILE'] || undefined);
  let token: string;
  try {
    const config = await oidc.discovery(new URL(issuer), clientId, undefined, oidc.None(), {
      execute: isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [],
    });
    const device = await oidc.initiateDeviceAuthorization(config, {
      scope: 'openid rtw',
      resource,
    });
    io.err(
      `Open ${device.verification_uri_complete ?? device.verification_uri} and check the code ${device.user_code} (valid ${Math.round(device.expires_in / 60)} min)`,
    );
    token = (await oidc.pollDeviceAuthorizationGrant(config, device, { resource })).access_token;
  } catch (error) {
    throw new MonitorCliFailure(EXIT.unauthenticated, loginFailure(issuer, error));
  }
  if (tokenFile === undefined) {
    io.out(token);
    return;
  }
  try {
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  } catch (error) {
    throw new MonitorCliFailure(
      EXIT.config,
      `cannot write the token file ${tokenFile} (${(error as { code?: string }).code ?? 'unwritable'})`,
    );
  }
  io.err(`Logged in; the access token is in ${tokenFile}`);
}

/** The provider's OAuth error code (access_denied, expired_token) or why it was unreachable. */
function loginFailure(issuer: string, error: unknown): string {
  const { code, error: oauthError } = error as { code?: string; error?: string };
  if (typeof oauthError === 'string') return `the login was refused: ${oauthError}`;
  return `the login at ${new URL(issuer).origin} failed (${code ?? (error as Error).name})`;
}

function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
