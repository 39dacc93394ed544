import type { Page } from 'playwright-core';
import { waitUntil } from '@rtw/testing';
import { BATCH, post } from '../../apps/gateway/src/testing/gateway.fixture';
import type { RunningHub } from '../support/hub.fixture';
import { nissesOf, referredToActiris, startConsoleRig, type ConsoleRig } from './console.fixture';

const ACTIRIS = 'regional:actiris';

// The support console in real Chromium (issue 12, "Done when"): log in through a real OpenID
// provider, find a dossier and read its timeline with identity masked, replay a dead letter with
// a dry run then for real and see it delivered, and get 403 as a viewer. Screenshots of each page
// go to docs/console/. The privacy officer's pages are in privacy-console.e2e-spec.ts.
describe('the support console in a browser', () => {
  let rig: ConsoleRig;
  let hub: RunningHub;
  let monitor: string;

  beforeAll(async () => {
    rig = await startConsoleRig({
      apps: ['delivery', 'actiris-connector', 'partner-sandbox'],
      retryDelays: ['0s', '1s'],
    });
    hub = rig.hub;
    monitor = rig.monitor;
  });
  afterAll(async () => {
    if (rig) {
      const codes = await rig.close();
      expect(Object.values(codes).every((code) => code === 0)).toBe(true);
    }
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
  const logIn = (login: string): Promise<Page> => rig.logIn(login);
  const shoot = (page: Page, name: string) => rig.shoot(page, name);

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
