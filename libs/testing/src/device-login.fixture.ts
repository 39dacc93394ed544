// FOR TESTS ONLY: the OAuth device authorization grant (RFC 8628) against the test identity
// provider, both halves over plain HTTP: the CLI's (ask for a code, then for the token) and the
// person's (type the code, log in on the provider's development page). No browser, no polling:
// the person's half finishes before the token is asked for, so the first token request succeeds.
import { CLI_CLIENT_ID, MONITOR_RESOURCE } from './identity-provider.fixture';

/** What the device authorization endpoint answers (RFC 8628 §3.2). */
export interface DeviceAuthorization {
  readonly device_code: string;
  readonly user_code: string;
  readonly verification_uri: string;
  readonly verification_uri_complete?: string;
  readonly expires_in: number;
  readonly interval?: number;
}

/** The CLI's first step: a device code and the user code the person types at the provider. */
export async function startDeviceAuthorization(options: {
  issuer: string;
  resource?: string;
}): Promise<DeviceAuthorization> {
  const response = await fetch(`${options.issuer}/device/auth`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: CLI_CLIENT_ID,
      scope: 'openid rtw',
      resource: options.resource ?? MONITOR_RESOURCE,
    }),
  });
  if (response.status !== 200)
    throw new Error(`device authorization answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as DeviceAuthorization;
}

/**
 * The person's step: opens the provider's code page, submits the user code, logs in as `login`
 * (any password on the development page) and follows the provider until its success page.
 */
export async function approveDeviceAuthorization(options: {
  issuer: string;
  userCode: string;
  login: string;
}): Promise<void> {
  const browser = new CookieBrowser();
  const form = await browser.get(`${options.issuer}/device`);
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(form.body)?.[1];
  if (!xsrf) throw new Error('the device code page has no xsrf field');
  let page = await browser.post(`${options.issuer}/device`, {
    xsrf,
    user_code: options.userCode,
    confirm: 'yes',
  });
  for (let step = 0; step < 10; step += 1) {
    if (page.location) page = await browser.get(new URL(page.location, options.issuer).href);
    else if (/name="prompt" value="login"/.test(page.body))
      page = await browser.post(page.url, {
        prompt: 'login',
        login: options.login,
        password: 'any password: the test provider accepts it',
      });
    else if (page.status === 200 && /Sign-in Success/i.test(page.body)) return;
    else
      throw new Error(`the device login stopped at ${page.status} ${new URL(page.url).pathname}`);
  }
  throw new Error('the device login did not finish in 10 steps');
}

/** The CLI's last step: exchanges the approved device code for the access token. */
export async function redeemDeviceCode(options: {
  issuer: string;
  deviceCode: string;
}): Promise<{ access_token: string; token_type: string; expires_in: number; id_token?: string }> {
  const response = await fetch(`${options.issuer}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: options.deviceCode,
      client_id: CLI_CLIENT_ID,
    }),
  });
  if (response.status !== 200)
    throw new Error(`the token endpoint answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as {
    access_token: string;
    token_type: string;
    expires_in: number;
  };
}

/** A real access token for the monitor, for the person `login`, through the whole device flow. */
export async function deviceFlowAccessToken(options: {
  issuer: string;
  login: string;
  resource?: string;
}): Promise<string> {
  const authorization = await startDeviceAuthorization(options);
  await approveDeviceAuthorization({ ...options, userCode: authorization.user_code });
  return (await redeemDeviceCode({ ...options, deviceCode: authorization.device_code }))
    .access_token;
}

interface Page {
  readonly url: string;
  readonly status: number;
  readonly location?: string;
  readonly body: string;
}

/** Just enough of a browser: cookies by name (one test provider on one origin), no redirects. */
class CookieBrowser {
  private readonly cookies = new Map<string, string>();

  get(url: string): Promise<Page> {
    return this.send(url, { method: 'GET' });
  }

  post(url: string, form: Record<string, string>): Promise<Page> {
    return this.send(url, { method: 'POST', body: new URLSearchParams(form) });
  }

  private async send(url: string, init: RequestInit): Promise<Page> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: cookie ? { cookie } : {},
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const location = response.headers.get('location') ?? undefined;
    return { url, status: response.status, body: await response.text(), location };
  }
}
