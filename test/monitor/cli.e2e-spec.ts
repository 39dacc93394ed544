import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  approveDeviceAuthorization,
  deviceFlowAccessToken,
  freePort,
  routeBSelfEmployedToActiris,
  startTestIdentityProvider,
  waitUntil,
  type JsonEvent,
  type TestIdentityProvider,
} from '@rtw/testing';
import { BATCH, post } from '../../apps/gateway/src/testing/gateway.fixture';
import { monitorCli } from '../../apps/monitor/src/cli/monitor.cli';
import { startHub, type RunningHub } from '../support/hub.fixture';

const DAY = 86_400_000;
const ACTIRIS = 'regional:actiris';
const CLIENT_SECRET = 'test-only-monitor-client-secret-0123456789';
const REASON = 'Actiris was down; it is back, re-send the FIA';

/** A Brussels route B trajectory up to the referral to Actiris, dated so that today fits it. */
function referredToActiris(): { dossierId: string; events: JsonEvent[] } {
  const incapacityStart = new Date(Date.now() - 110 * DAY).toISOString().slice(0, 10);
  const { dossierId, events } = routeBSelfEmployedToActiris({ incapacityStart });
  const referral = events.findIndex((e) => e['type'] === 'be.rtw.regional.referral.requested');
  return { dossierId, events: events.slice(0, referral + 1) };
}

interface CliRun {
  code: number;
  out: string;
  err: string;
}

// `rtw dossier|dlq|deliveries|alerts` (issue 12, ADR 0100) against the real monitor, tracker and
// delivery as processes, with access tokens from a real OpenID provider's device flow: tables,
// JSON, a viewer's 403 on replay, a bad token's 401, and a dry run that sends nothing.
describe('the rtw support CLI against a running monitor', () => {
  let idp: TestIdentityProvider;
  let hub: RunningHub;
  let monitor: string;
  let operator: string;
  let viewer: string;
  let dossierId: string;
  let nisses: string[];
  let deadLetterId: string;

  const rtw = async (argv: string[], token?: string): Promise<CliRun> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await monitorCli(argv, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      env: { RTW_MONITOR_URL: monitor, ...(token ? { RTW_MONITOR_TOKEN: token } : {}) },
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const sandbox = (body: Record<string, unknown>) =>
    fetch(`${hub.url('partner-sandbox')}/control/partners/${encodeURIComponent(ACTIRIS)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const message = async () =>
    (
      await hub.db.query(
        `SELECT "id", "status", "attempts", "replays" FROM "delivery_messages"
          WHERE "dossier_id" = $1 AND "organisation_id" = $2`,
        [dossierId, ACTIRIS],
      )
    )[0] as { id: string; status: string; attempts: number; replays: number } | undefined;

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
    operator = await deviceFlowAccessToken({ issuer: idp.issuer, login: 'operator' });
    viewer = await deviceFlowAccessToken({ issuer: idp.issuer, login: 'viewer' });

    // A referral to Actiris that dead-letters while Actiris is down; Actiris is back afterwards.
    expect((await sandbox({ mode: 'down', failureRate: 1 })).status).toBe(200);
    const referral = referredToActiris();
    dossierId = referral.dossierId;
    nisses = [...new Set(JSON.stringify(referral.events).match(/(?<=")\d{11}(?=")/g) ?? [])];
    const submitted = await post(`${hub.url('gateway')}/v1/events/batch`, referral.events, {
      'content-type': BATCH,
      authorization: await hub.bearer('insurer:100'),
    });
    expect(submitted.status).toBe(200);
    await waitUntil(
      async () => (await message())?.status === 'dead-lettered',
      'the FIA dead-lettered',
      120_000,
    );
    deadLetterId = (await message())!.id;
    expect((await sandbox({ mode: 'ok' })).status).toBe(200);
  });
  afterAll(async () => {
    if (hub) {
      const codes = await hub.stop();
      expect(Object.values(codes).every((code) => code === 0)).toBe(true);
    }
    await idp?.close();
  });

  it('logs a person in with the device flow and writes the token file', async () => {
    const tokenFile = join(mkdtempSync(join(tmpdir(), 'rtw-cli-')), 'token');
    const err: string[] = [];
    const loggingIn = monitorCli(['login', '--issuer', idp.issuer, '--token-file', tokenFile], {
      out: () => undefined,
      err: (line) => err.push(line),
      env: {},
    });
    await waitUntil(() => err.some((line) => line.includes('check the code')), 'the code shown');
    const userCode = /check the code (\S+)/.exec(err.join('\n'))![1]!;
    await approveDeviceAuthorization({ issuer: idp.issuer, userCode, login: 'viewer' });
    expect(await loggingIn).toBe(0);
    const alerts = await rtw(['alerts', '--token-file', tokenFile, '--json']);
    expect(alerts.code).toBe(0);
    expect(JSON.parse(alerts.out)).toHaveProperty('alerts');
    expect(readFileSync(tokenFile, 'utf8').split('.')).toHaveLength(3);
  });

  it("prints a dossier's timeline as tables, identity masked", async () => {
    const result = await rtw(['dossier', 'timeline', dossierId], operator);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(`Dossier ${dossierId} (identity masked)`);
    expect(result.out).toMatch(/be\.rtw\.regional\.referral\.requested\s+\S+\s+accepted/);
    for (const niss of nisses) expect(result.out).not.toContain(niss);
    const json = await rtw(['dossier', 'timeline', dossierId, '--json'], operator);
    expect(JSON.parse(json.out)).toMatchObject({ dossierId, identityShown: false });
  });

  it('lists and shows the dead letter', async () => {
    const list = await rtw(['dlq', 'list', '--organisation', ACTIRIS], operator);
    expect(list.code).toBe(0);
    expect(list.out.split('\n')[0]).toMatch(/^ID\s+FAILED\s+PARTNER\s+TYPE\s+DOSSIER\s+REASON/);
    expect(list.out).toMatch(new RegExp(`${deadLetterId}\\s.*${ACTIRIS}.*${dossierId}`));
    const show = await rtw(['dlq', 'show', deadLetterId], operator);
    expect(show.code).toBe(0);
    expect(show.out).toContain(`Dead letter ${deadLetterId}`);
    expect(show.out).toContain('ATTEMPTS');
    for (const niss of nisses) expect(show.out).not.toContain(niss);
  });

  it("refuses a viewer's replay with 403 ROLE_REQUIRED (exit 4), audited as a token's", async () => {
    const result = await rtw(
      ['dlq', 'replay', deadLetterId, '--reason', REASON, '--dry-run'],
      viewer,
    );
    expect(result).toMatchObject({ code: 4, out: '' });
    expect(result.err).toBe('rtw dlq: 403 ROLE_REQUIRED: this action needs the operator role');
    const denied = await hub.db.query(
      `SELECT "target", "detail", "channel", "client_id" FROM "monitor_console_audit"
        WHERE "action" = 'denied' AND "actor_subject" = 'viewer'`,
    );
    expect(denied).toEqual([
      {
        target: '/v1/replays',
        detail: { method: 'POST', code: 'ROLE_REQUIRED' },
        channel: 'token',
        client_id: 'rtw-cli',
      },
    ]);
  });

  it('dry-runs a replay that sends nothing, then replays for real and it is delivered', async () => {
    const before = (await message())!;
    const dryRun = await rtw(
      ['dlq', 'replay', deadLetterId, '--reason', REASON, '--dry-run'],
      operator,
    );
    expect(dryRun.code).toBe(0);
    expect(dryRun.out.split('\n')[0]).toMatch(
      /^Dry run \S+: 1 matched, 1 would be sent, 0 refused \(nothing sent\)$/,
    );
    expect(dryRun.out).toMatch(new RegExp(`${deadLetterId}\\s+${ACTIRIS}.*would-requeue`));
    expect(await message()).toEqual(before);

    const replay = await rtw(['dlq', 'replay', deadLetterId, '--reason', REASON], operator);
    expect(replay.code).toBe(0);
    expect(replay.out.split('\n')[0]).toMatch(/^Replay \S+: 1 matched, 1 requeued, 0 refused$/);
    await waitUntil(
      async () => (await message())?.status === 'delivered',
      'the replayed FIA delivered',
      120_000,
    );
    const audit = await hub.db.query(
      `SELECT "action", "actor_subject", "reason", "channel", "client_id" FROM "monitor_console_audit"
        WHERE "target" = $1 ORDER BY "id"`,
      [`ids:${deadLetterId}`],
    );
    const row = {
      actor_subject: 'operator',
      reason: REASON,
      channel: 'token',
      client_id: 'rtw-cli',
    };
    expect(audit).toEqual([
      { action: 'replay-dry-run', ...row },
      { action: 'replay', ...row },
    ]);
  });

  it('prints deliveries per partner and the alerts', async () => {
    const deliveries = await rtw(['deliveries', '--organisation', ACTIRIS], operator);
    expect(deliveries.code).toBe(0);
    expect(deliveries.out).toMatch(new RegExp(`^${ACTIRIS}\\s+(closed|open|half-open)\\s+no`, 'm'));
    expect(deliveries.out).toContain('FAILURES BY REASON');
    const alerts = await rtw(['alerts'], viewer);
    expect(alerts.code).toBe(0);
    expect(alerts.out).toMatch(/^SEVERITY\s+ALERT\s+SUBJECT\s+VALUE\s+DETAIL$/m);
  });

  it("scopes an insurer's staff as in the console: their dossier, not every insurer's dead letters", async () => {
    const insurer = await deviceFlowAccessToken({ issuer: idp.issuer, login: 'insurer-100' });
    const timeline = await rtw(['dossier', 'timeline', dossierId], insurer);
    expect(timeline.code).toBe(0);
    expect(timeline.out).toContain('Insurer 100');
    const list = await rtw(['dlq', 'list'], insurer);
    expect(list).toMatchObject({ code: 4, out: '' });
    expect(list.err).toBe(
      "rtw dlq: 403 HUB_STAFF_ONLY: only the hub operator's staff see every insurer's flows",
    );
  });

  it('answers a bad Authorization header with 401, its reason code and WWW-Authenticate', async () => {
    const forged = `${operator.slice(0, -8)}AAAAAAAA`;
    for (const authorization of [`Bearer ${forged}`, 'Basic b3BlcmF0b3I6eA==', 'Bearer']) {
      const response = await fetch(`${monitor}/v1/alerts`, { headers: { authorization } });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(
        'Bearer realm="rtw-monitor", error="invalid_token", error_description="TOKEN_INVALID"',
      );
      expect(await response.json()).toEqual({ code: 'TOKEN_INVALID', message: expect.any(String) });
    }
  });

  it('says 401 with the reason for a bad token, 404 for an unknown dossier, and unreachable', async () => {
    const forged = `${operator.slice(0, -8)}AAAAAAAA`;
    const bad = await rtw(['alerts'], forged);
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/^rtw alerts: 401 TOKEN_INVALID: .*get a new access token/);
    const missing = await rtw(
      ['dossier', 'timeline', '00000000-0000-4000-8000-000000000000'],
      operator,
    );
    expect(missing.code).toBe(5);
    expect(missing.err).toMatch(/^rtw dossier: 404 /);
    const closed = `http://127.0.0.1:${await freePort()}`;
    const unreachable = await rtw(['alerts', '--url', closed], operator);
    expect(unreachable).toMatchObject({ code: 69, out: '' });
    expect(unreachable.err).toBe(
      `rtw alerts: cannot reach the monitor at ${closed} (ECONNREFUSED)`,
    );
  });
});
