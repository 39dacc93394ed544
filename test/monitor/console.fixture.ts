// FOR END-TO-END TESTS: the support console in real Chromium (TOOLCHAIN.md "Browsers"), on a hub
// started as processes, logged in through a real OpenID provider (oidc-provider, ADR 0094).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  freePort,
  routeBSelfEmployedToActiris,
  startTestIdentityProvider,
  type JsonEvent,
  type ScriptOptions,
  type TestIdentityProvider,
} from '@rtw/testing';
import { startHub, type OptionalApp, type RunningHub } from '../support/hub.fixture';

const DAY = 86_400_000;
const CLIENT_SECRET = 'test-only-monitor-client-secret-0123456789';
const SCREENSHOTS = resolve(__dirname, '..', '..', 'docs', 'console');
/** Debian's chromium, headless, nothing fetched from outside. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** A Brussels route B trajectory up to the referral to Actiris, dated so that today fits it. */
export function referredToActiris(options: ScriptOptions = {}): {
  dossierId: string;
  niss: string;
  events: JsonEvent[];
} {
  const incapacityStart = new Date(Date.now() - 110 * DAY).toISOString().slice(0, 10);
  const { dossierId, niss, events } = routeBSelfEmployedToActiris({
    incapacityStart,
    ...options,
  });
  const referral = events.findIndex((e) => e['type'] === 'be.rtw.regional.referral.requested');
  return { dossierId, niss, events: events.slice(0, referral + 1) };
}

/** Every 11-digit string of the events (the generated NISS): none may reach a masked page. */
export function nissesOf(events: JsonEvent[]): string[] {
  return [...new Set(JSON.stringify(events).match(/(?<=")\d{11}(?=")/g) ?? [])];
}

/** A running hub with the monitor, its OpenID provider and a browser. */
export interface ConsoleRig {
  readonly hub: RunningHub;
  /** The monitor's base URL. */
  readonly monitor: string;
  /** A fresh browser context logged in as one of the test provider's people. */
  logIn(login: string): Promise<Page>;
  /** A full-page screenshot to docs/console/<name>.png. */
  shoot(page: Page, name: string): Promise<unknown>;
  /** Closes the browser, stops the hub (returning each app's exit code) and the provider. */
  close(): Promise<Record<string, number | string>>;
}

/** Starts the provider, the hub with `apps` and the monitor registered at the provider, and Chromium. */
export async function startConsoleRig(options: {
  apps: readonly OptionalApp[];
  retryDelays?: string[];
}): Promise<ConsoleRig> {
  const monitorPort = await freePort();
  const monitor = `http://127.0.0.1:${monitorPort}`;
  const idp: TestIdentityProvider = await startTestIdentityProvider({
    client: {
      clientId: 'rtw-monitor',
      clientSecret: CLIENT_SECRET,
      redirectUris: [`${monitor}/auth/callback`],
    },
  });
  let hub: RunningHub | undefined;
  let browser: Browser | undefined;
  try {
    hub = await startHub({
      apps: [...options.apps, 'monitor'],
      ...(options.retryDelays ? { retryDelays: options.retryDelays } : {}),
      ports: { monitor: monitorPort },
      monitorEnv: {
        MONITOR_OIDC_ISSUER: idp.issuer,
        MONITOR_OIDC_CLIENT_SECRET: CLIENT_SECRET,
        MONITOR_SESSION_SECRET: 'test-only-monitor-session-secret-0123456789',
        MONITOR_COOKIE_SECURE: 'false',
      },
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  } catch (error) {
    await hub?.stop();
    await idp.close();
    throw error;
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const started = { hub, browser };
  return {
    hub: started.hub,
    monitor,
    logIn: async (login) => {
      const page = await (await started.browser.newContext()).newPage();
      await page.goto(`${monitor}/`);
      await page.fill('input[name=login]', login);
      await page.fill('input[name=password]', 'any password: the test provider accepts it');
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=who]:has-text("·")');
      return page;
    },
    shoot: (page, name) =>
      page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true }),
    close: async () => {
      await started.browser.close();
      const codes = await started.hub.stop();
      await idp.close();
      return codes;
    },
  };
}
