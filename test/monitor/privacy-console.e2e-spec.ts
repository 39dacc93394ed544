import { readFileSync } from 'node:fs';
import { waitUntil } from '@rtw/testing';
import { BATCH, post } from '../../apps/gateway/src/testing/gateway.fixture';
import type { RunningHub } from '../support/hub.fixture';
import { referredToActiris, startConsoleRig, type ConsoleRig } from './console.fixture';

const ACTIRIS = 'regional:actiris';
const UNMASK_REASON = 'Insured phoned to confirm their file, ticket 4471';
const ACCESS_REASON = 'Art. 15 request 2026-311 received by registered letter';

// The privacy officer's side of the console in real Chromium (issue 12, ADR 0092, 0097, 0104):
// unmasking a timeline with a reason (audited), the subject access report and its download, a
// viewer refused with 403 (audited), and an insurer's staff seeing only their insurer's dossiers.
// One person has a dossier at insurer 100 (referred to Actiris, FIA delivered) and one at 200.
describe("the privacy officer's console in a browser", () => {
  let rig: ConsoleRig;
  let hub: RunningHub;
  let monitor: string;
  const atActiris = referredToActiris();
  const at200 = referredToActiris({ insurer: '200', niss: atActiris.niss });

  const submit = async (organisation: string, events: unknown[]) => {
    const answer = await post(`${hub.url('gateway')}/v1/events/batch`, events, {
      'content-type': BATCH,
      authorization: await hub.bearer(organisation),
    });
    expect(answer.status).toBe(200);
  };

  beforeAll(async () => {
    rig = await startConsoleRig({ apps: ['delivery', 'actiris-connector', 'partner-sandbox'] });
    hub = rig.hub;
    monitor = rig.monitor;
    await submit('insurer:100', atActiris.events);
    await submit('insurer:200', at200.events.slice(0, 1));
    await waitUntil(
      async () =>
        (
          await hub.db.query(
            `SELECT 1 FROM "delivery_messages" WHERE "dossier_id" = $1 AND "organisation_id" = $2
               AND "status" = 'delivered'`,
            [atActiris.dossierId, ACTIRIS],
          )
        ).length === 1,
      'the FIA delivered to Actiris',
      120_000,
    );
    await waitUntil(
      async () =>
        (
          await hub.db.query(`SELECT 1 FROM "dossier_events" WHERE "dossier_id" = $1`, [
            at200.dossierId,
          ])
        ).length === 1,
      "insurer 200's dossier accepted",
      60_000,
    );
  });
  afterAll(async () => {
    if (rig) {
      const codes = await rig.close();
      expect(Object.values(codes).every((code) => code === 0)).toBe(true);
    }
  });

  it('lets a privacy officer unmask a timeline with a reason, and audits it', async () => {
    const page = await rig.logIn('privacy');
    await page.goto(`${monitor}/#/dossier/${atActiris.dossierId}`);
    await page.waitForSelector('[data-testid=identity]');
    expect(await page.textContent('[data-testid=identity]')).toBe('identity masked');
    expect(await page.textContent('[data-testid=state]')).toContain('"residence": "***"');

    await page.fill('textarea[name=reason]', UNMASK_REASON);
    await page.click('button.danger:has-text("Unmask")');
    await page.waitForSelector('[data-testid=identity]:has-text("identity shown")');

    expect(await page.textContent('[data-testid=state]')).toContain('1050');
    await rig.shoot(page, 'dossier-unmasked');
    const audit = await hub.db.query(
      `SELECT "action", "reason" FROM "monitor_console_audit"
        WHERE "actor_subject" = 'privacy' AND "target" = $1`,
      [atActiris.dossierId],
    );
    expect(audit).toEqual([{ action: 'unmask', reason: UNMASK_REASON }]);
    const trackerAudit = await hub.db.query(
      `SELECT "identity_shown" FROM "dossier_access_audit"
        WHERE "actor_subject" = 'privacy' AND "dossier_id" = $1 ORDER BY "accessed_at"`,
      [atActiris.dossierId],
    );
    expect(trackerAudit).toEqual([{ identity_shown: false }, { identity_shown: true }]);
  });

  it('shows a privacy officer which organisations received which data about a person, when and why, with a JSON download', async () => {
    const page = await rig.logIn('privacy');
    await page.goto(`${monitor}/#/subject-access`);
    await page.fill('[data-testid=sar-niss]', atActiris.niss);
    await page.fill('[data-testid=sar-reason]', ACCESS_REASON);
    await page.click('[data-testid=sar-submit]');
    // The report, or the console's notice of why not: a notice fails the test with its text
    // (a CI run with one core kept busy saw neither within 30 s; the reason was not shown).
    await page.waitForSelector(
      '[data-testid=sar-summary], [data-testid=sar-report] [data-testid=problem]',
      {
        timeout: 90_000,
      },
    );
    expect(await page.locator('[data-testid=sar-report] [data-testid=problem]').count()).toBe(0);

    const report = (await page.textContent('[data-testid=sar-report]'))!;
    expect(report).toContain('2 dossier(s), 1 message(s) to other organisations');
    for (const expected of [
      atActiris.dossierId,
      at200.dossierId,
      ACTIRIS,
      'fia · urn:rtw:partner:actiris:fia:v1',
      'be.rtw.regional.referral.requested',
      'delivered',
    ])
      expect(report).toContain(expected);
    // The number is not repeated on the page, and leaves the form once answered.
    expect(await page.textContent('main')).not.toContain(atActiris.niss);
    expect(await page.inputValue('[data-testid=sar-niss]')).toBe('');
    await rig.shoot(page, 'subject-access');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=sar-download]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^subject-access-report-[0-9T]+\.json$/);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      dossiers: Array<{ dossierId: string }>;
      disclosures: Array<{ organisation: string }>;
    };
    expect(file.dossiers.map((d) => d.dossierId).sort()).toEqual(
      [atActiris.dossierId, at200.dossierId].sort(),
    );
    expect(file.disclosures.map((d) => d.organisation)).toEqual([ACTIRIS]);
    const audit = await hub.db.query(
      `SELECT "outcome", "reason" FROM "subject_access_audit" WHERE "actor_subject" = 'privacy'`,
    );
    expect(audit).toEqual([{ outcome: 'answered', reason: ACCESS_REASON }]);
  });

  it('refuses a viewer the subject access report with 403 ROLE_REQUIRED, and audits the refusal', async () => {
    const page = await rig.logIn('viewer');
    await page.goto(`${monitor}/#/subject-access`);
    await page.fill('[data-testid=sar-niss]', atActiris.niss);
    await page.fill('[data-testid=sar-reason]', 'A viewer trying to see everything about a person');
    await page.click('[data-testid=sar-submit]');
    await page.waitForSelector('[data-testid=problem]');

    expect(await page.textContent('[data-testid=problem]')).toContain('403 ROLE_REQUIRED');
    const denied = await hub.db.query(
      `SELECT "target", "detail" FROM "monitor_console_audit"
        WHERE "action" = 'denied' AND "actor_subject" = 'viewer'`,
    );
    expect(denied).toEqual([
      { target: '/v1/subject-access', detail: { method: 'POST', code: 'ROLE_REQUIRED' } },
    ]);
    await page.fill('[data-testid=sar-niss]', '');
    await rig.shoot(page, 'subject-access-viewer-403');
  });

  it("shows an insurer's staff member only their insurer's dossiers", async () => {
    const page = await rig.logIn('insurer-100');
    expect(await page.textContent('[data-testid=who]')).toContain('insurer 100');
    await page.goto(`${monitor}/#/dossiers`);
    await page.waitForSelector(`td:has-text("${atActiris.dossierId}")`);

    const listing = (await page.textContent('main'))!;
    expect(listing).not.toContain(at200.dossierId);
    expect(listing).not.toMatch(/\b200\b/);
    await rig.shoot(page, 'insurer-dossiers');

    await page.goto(`${monitor}/#/dossier/${at200.dossierId}`);
    await page.waitForSelector('[data-testid=problem]');
    expect(await page.textContent('[data-testid=problem]')).toContain('404 DOSSIER_NOT_FOUND');
  });
});
