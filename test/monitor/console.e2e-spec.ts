import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  freePort,
  routeBSelfEmployedToActiris,
  startTestIdentityProvider,
  waitUntil,
  type JsonEvent,
  type TestIdentityProvider,
} from '@rtw/testing';
import { BATCH, post } from '../../apps/gateway/src/testing/gateway.fixture';
import { startHub, type RunningHub } from '../support/hub.fixture';

const DAY = 86_400_000;
const ACTIRIS = 'regional:actiris';
const CLIENT_SECRET = 'test-only-monitor-client-secret-0123456789';
const SCREENSHOTS = resolve(__dirname, '..', '..', 'docs', 'console');
/** TOOLCHAIN.md "Browsers": Debian's chromium, headless, nothing fetched from outside. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** A Brussels route B trajectory up to the referral to Actiris, dated so that today fits it. */
function referredToActiris(): { dossierId: string; events: JsonEvent[] } {
  const incapacityStart = new Date(Date.now() - 110 * DAY).toISOString().slice(0, 10);
  const { dossierId, events } = routeBSelfEmployedToActiris({ incapacityStart });
  const referral = events.findIndex((e) => e['type'] === 'be.rtw.regional.referral.requested');
  return { dossierId, events: events.slice(0, referral + 1) };
}

/** Every 11-digit string of the events (the generated NISS): none may reach a masked page. */
function nissesOf(events: JsonEvent[]): string[] {
  return [...new Set(JSON.stringify(events).match(/(?<=")\d{11}(?=")/g) ?? [])];
}

// The support console in real Chromium (issue 12, "Done when"): log in through a real OpenID
// provider, find a dossier and read its timeline with identity masked, replay a dead letter with
// a dry run then for real and see it delivered, and get 403 as a viewer. Screenshots of each page
// go to docs/console/.
describe('the support console in a browser', () => {
  let idp: TestIdentityProvider;
  let hub: RunningHub;
  let browser: Browser;
  let monitor: string;

  beforeAll(async () => {
    const monitorPort = await freePort();
    monitor = `http://127.0.0.1:${monitorPort}`;
    idp = await startTestIdentityProvider({
      client: {
        clientId: 'rtw-monitor',
        clientSecret: CLIENT_SECRET,
        redirectUris: [`${monitor}/auth/callback`],
      },
    });
    hub = await startHub({
      apps: ['delivery', 'actiris-connector', 'partner-sandbox', 'monitor'],
      retryDelays: ['0s', '1s'],
      ports: { monitor: monitorPort },
      monitorEnv: {
        MONITOR_OIDC_ISSUER: idp.issuer,
        MONITOR_OIDC_CLIENT_SECRET: CLIENT_SECRET,
        MONITOR_SESSION_SECRET: 'test-only-monitor-session-secret-0123456789',
        MONITOR_COOKIE_SECURE: 'false',
      },
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    if (hub) {
      const codes = await hub.stop();
      expect(Object.values(codes).every((code) => code === 0)).toBe(true);
    }
    await idp?.close();
  });

  const sandbox = (body: Record<string, unknown>) =>
    fetch(`${hub.url('partner-sandbox')}/control/partners/${encodeURIComponent(ACTIRIS)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const messageOf = async (dossierId: string) =>
    (
      await hub.db.query(
        `SELECT "id", "status" FROM "delivery_messages" WHERE "dossier_id" = $1 AND "organisation_id" = $2`,
        [dossierId, ACTIRIS],
      )
    )[0] as { id: string; status: string } | undefined;

  async function logIn(login: string): Promise<Page> {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${monitor}/`);
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', 'any password: the test provider accepts it');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=who]:has-text("·")');
    return page;
  }
  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

  it('lets an operator read a masked timeline, then dry-run and replay a dead letter that is then delivered', async () => {
    // Given a referral to Actiris that dead-letters while Actiris is down
    expect((await sandbox({ mode: 'down', failureRate: 1 })).status).toBe(200);
    const { dossierId, events } = referredToActiris();
    const submitted = await post(`${hub.url('gateway')}/v1/events/batch`, events, {
      'content-type': BATCH,
      authorization: await hub.bearer('insurer:100'),
    });
    expect(submitted.status).toBe(200);
    await waitUntil(
      async () => (await messageOf(dossierId))?.status === 'dead-lettered',
      'the FIA dead-lettered',
      120_000,
    );
    const deadLetter = (await messageOf(dossierId))!;
    expect((await sandbox({ mode: 'ok' })).status).toBe(200);

    // When an operator logs in and opens the dossier
    const page = await logIn('operator');
    expect(await page.textContent('[data-testid=who]')).toContain('operator');
    await shoot(page, 'overview');
    await page.goto(`${monitor}/#/dossiers`);
    await page.fill('[data-testid=dossier-search]', dossierId);
    await page.click('form.bar button[type=submit]');
    await page.waitForSelector('[data-testid=identity]');

    // Then the timeline is there, identity masked
    expect(await page.textContent('[data-testid=identity]')).toBe('identity masked');
    const timeline = (await page.textContent('main'))!;
    expect(timeline).toContain('be.rtw.regional.referral.requested');
    for (const niss of nissesOf(events)) expect(timeline).not.toContain(niss);
    await shoot(page, 'dossier-timeline');

    // When they find the dead letter and dry-run its replay
    await page.goto(`${monitor}/#/dead-letters`);
    await page.waitForSelector(`td:has-text("${dossierId}")`);
    await shoot(page, 'dead-letters');
    await page.click(`td:has-text("${dossierId}")`);
    await page.waitForSelector('[data-testid=replay-reason]');
    await page.fill('[data-testid=replay-reason]', 'Actiris was down; it is back, re-send the FIA');
    await page.click('[data-testid=replay-dry-run]');
    await page.waitForSelector('[data-testid=replay-report] .notice');

    // Then the dry run says what would be sent, and nothing is sent
    const dryRun = (await page.textContent('[data-testid=replay-report]'))!;
    expect(dryRun).toContain('1 matched, 1 would be sent, 0 refused');
    expect(dryRun).toContain('would-requeue');
    expect((await messageOf(dossierId))?.status).toBe('dead-lettered');
    await shoot(page, 'dead-letter-dry-run');

    // When they replay for real, then it is delivered
    await page.click('[data-testid=replay-real]');
    await page.waitForSelector('[data-testid=replay-report] .notice:has-text("requeued")');
    expect(await page.textContent('[data-testid=replay-report]')).toContain('1 requeued');
    await waitUntil(
      async () => (await messageOf(dossierId))?.status === 'delivered',
      'the replayed FIA delivered',
      120_000,
    );
    await page.goto(`${monitor}/#/deliveries`);
    await page.waitForSelector(`td:has-text("${ACTIRIS}")`);
    await shoot(page, 'deliveries');

    // And every act is in the console's audit, with who and why
    await page.goto(`${monitor}/#/audit`);
    await page.waitForSelector('td:has-text("replay-dry-run")');
    const audit = await hub.db.query(
      `SELECT "action", "actor_subject", "reason" FROM "monitor_console_audit"
        WHERE "target" = $1 ORDER BY "id"`,
      [`ids:${deadLetter.id}`],
    );
    expect(audit).toEqual([
      {
        action: 'replay-dry-run',
        actor_subject: 'operator',
        reason: 'Actiris was down; it is back, re-send the FIA',
      },
      {
        action: 'replay',
        actor_subject: 'operator',
        reason: 'Actiris was down; it is back, re-send the FIA',
      },
    ]);
    await shoot(page, 'audit');
  });

  it('refuses a viewer a replay with 403 ROLE_REQUIRED, and audits the refusal', async () => {
    const page = await logIn('viewer');
    await page.goto(`${monitor}/#/dead-letters`);
    await page.waitForSelector('[data-testid=replay-dry-run]');
    await page.fill('[data-testid=replay-reason]', 'A viewer trying to replay everything');
    await page.click('[data-testid=replay-dry-run]');
    await page.waitForSelector('[data-testid=problem]');

    expect(await page.textContent('[data-testid=problem]')).toContain('403 ROLE_REQUIRED');
    const denied = await hub.db.query(
      `SELECT "target", "detail" FROM "monitor_console_audit"
        WHERE "action" = 'denied' AND "actor_subject" = 'viewer'`,
    );
    expect(denied).toEqual([
      { target: '/v1/replays', detail: { method: 'POST', code: 'ROLE_REQUIRED' } },
    ]);
    await shoot(page, 'viewer-403');
  });

  it('answers 401 to the API without a session and 403 CSRF_INVALID to a change without the token', async () => {
    const anonymous = await fetch(`${monitor}/v1/dead-letters`);
    expect([anonymous.status, ((await anonymous.json()) as { code: string }).code]).toEqual([
      401,
      'AUTHENTICATION_REQUIRED',
    ]);
    const page = await logIn('operator');
    const status = await page.evaluate(async () => {
      const response = await fetch('/v1/partners/regional:actiris/pause', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'no CSRF token in this request' }),
      });
      return [response.status, ((await response.json()) as { code: string }).code];
    });
    expect(status).toEqual([403, 'CSRF_INVALID']);
  });
});
