import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';
import { waitUntil } from '@rtw/testing';
import {
  newSecret,
  signedHeaders,
  startSandbox,
  writeSecrets,
  type RunningSandbox,
} from '../testing/sandbox.fixture';

const fia = readFileSync(
  join(locateSchemasDir(), 'partners', 'actiris', 'examples', 'valid', 'fia.v1.xml'),
  'utf8',
);

describe('the partner sandbox over HTTP', () => {
  const secrets = { 'regional:actiris': [newSecret()], 'regional:vdab': [newSecret()] };
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({
      PARTNER_SANDBOX_SECRETS_DIR: writeSecrets(secrets),
      PARTNER_SANDBOX_TIMEOUT_HOLD_MS: '5000',
    });
  });
  afterAll(() => sandbox?.close());
  beforeEach(async () => {
    await fetch(`${sandbox.url}/control/reset`, { method: 'POST' });
  });

  const deliver = (
    path: string,
    id: string,
    options: { timestamp?: Date; timeoutMs?: number } = {},
  ) =>
    fetch(`${sandbox.url}${path}`, {
      method: 'POST',
      headers: signedHeaders({
        id,
        body: fia,
        secrets: secrets['regional:actiris'],
        contentType: 'application/xml',
        timestamp: options.timestamp,
      }),
      body: fia,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  const control = (org: string, body: unknown) =>
    fetch(`${sandbox.url}/control/partners/${org}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const deliveries = async (org: string) =>
    (
      (await (await fetch(`${sandbox.url}/control/deliveries?org=${org}`)).json()) as {
        deliveries: Array<Record<string, unknown>>;
      }
    ).deliveries;

  it('acknowledges a signed FIA at /actiris/messages, again as a replay, and counts both under its key', async () => {
    const first = await deliver('/actiris/messages', 'msg-1');
    const again = await deliver('/actiris/messages', 'msg-1');

    expect([first.status, await first.json()]).toEqual([
      202,
      expect.objectContaining({ status: 'received', idempotencyKey: 'msg-1' }),
    ]);
    expect([again.status, again.headers.get('idempotent-replay')]).toEqual([202, 'true']);
    expect(await deliveries('regional:actiris')).toEqual([
      expect.objectContaining({
        idempotencyKey: 'msg-1',
        attempts: 2,
        acknowledged: 2,
        processed: true,
        dossierId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
    ]);
  });

  it('refuses with 401 a delivery signed more than five minutes ago, and one to an organisation whose secret it does not share', async () => {
    const old = await deliver('/actiris/messages', 'msg-2', {
      timestamp: new Date(Date.now() - 6 * 60_000),
    });
    const vdab = await deliver('/vdab/messages', 'msg-3');

    expect([old.status, ((await old.json()) as { code: string }).code]).toEqual([
      401,
      'SIGNATURE_TIMESTAMP_SKEWED',
    ]);
    expect([vdab.status, ((await vdab.json()) as { code: string }).code]).toEqual([
      401,
      'SIGNATURE_INVALID',
    ]);
  });

  it('rate-limits with Retry-After, fails with 5xx, then recovers when the control runs out', async () => {
    await control('regional:actiris', { mode: 'rate-limit', retryAfterS: 3 });
    const limited = await deliver('/actiris/messages', 'msg-4');
    await control('regional:actiris', { mode: 'error-5xx', untilMs: Date.now() + 60_000 });
    const failed = await deliver('/actiris/messages', 'msg-4');
    // A control whose time has run out is no control at all.
    await control('regional:actiris', { mode: 'error-5xx', untilMs: Date.now() - 1 });
    const recovered = await deliver('/actiris/messages', 'msg-4');

    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    expect(failed.status).toBe(500);
    expect(recovered.status).toBe(202);
    expect(await deliveries('regional:actiris')).toEqual([
      expect.objectContaining({
        attempts: 3,
        acknowledged: 1,
        outcomes: { 'rate-limited': 1, failed: 1, acknowledged: 1 },
      }),
    ]);
  });

  it('holds the connection in timeout mode and drops it in down mode', async () => {
    await control('regional:actiris', { mode: 'timeout' });
    await expect(deliver('/actiris/messages', 'msg-5', { timeoutMs: 500 })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    await control('regional:actiris', { mode: 'down' });
    await expect(deliver('/actiris/messages', 'msg-5')).rejects.toThrow('fetch failed');
    expect((await deliveries('regional:actiris'))[0]).toMatchObject({
      outcomes: { 'timed-out': 1, dropped: 1 },
      processed: false,
    });
  });

  it('fails the same share of deliveries on every run with a seeded failure rate', async () => {
    const run = async () => {
      await fetch(`${sandbox.url}/control/reset`, { method: 'POST' });
      await control('regional:actiris', { mode: 'error-5xx', failureRate: 0.5, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1)
        statuses.push((await deliver('/actiris/messages', `k-${i}`)).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(202);
  });

  it('lists the organisations it plays with their endpoints, and refuses a bad control', async () => {
    const listed = (await (await fetch(`${sandbox.url}/control/partners`)).json()) as {
      partners: Array<{ id: string; path: string }>;
    };
    const bad = await control('regional:forem', { mode: 'ok', answerFormat: 'application/json' });
    const unknownMode = await control('regional:actiris', { mode: 'sometimes' });
    const unknownOrg = await control('regional:nowhere', { mode: 'ok' });

    expect(listed.partners.map((partner) => [partner.id, partner.path])).toEqual([
      ['regional:actiris', '/actiris/messages'],
      ['regional:vdab', '/vdab/messages'],
      ['regional:forem', '/forem/messages'],
      ['regional:adg', '/adg/messages'],
      ['cpmt:0403170701', '/cpmt/0403170701/messages'],
      ['inami:inami', '/inami/messages'],
    ]);
    expect([bad.status, unknownMode.status, unknownOrg.status]).toEqual([422, 422, 404]);
  });
});

describe('the partner sandbox stopping', () => {
  it('drops a connection held by the timeout fault instead of waiting for it', async () => {
    const secret = newSecret();
    const sandbox = await startSandbox({
      PARTNER_SANDBOX_SECRETS_DIR: writeSecrets({ 'regional:actiris': [secret] }),
    });
    await fetch(`${sandbox.url}/control/partners/regional:actiris`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'timeout' }),
    });
    const held = fetch(`${sandbox.url}/actiris/messages`, {
      method: 'POST',
      headers: signedHeaders({
        id: 'k',
        body: fia,
        secrets: [secret],
        contentType: 'application/xml',
      }),
      body: fia,
    }).then(
      (response) => response.status,
      (error: Error) => error.message,
    );
    await waitUntil(
      async () =>
        (
          (await (await fetch(`${sandbox.url}/control/deliveries`)).json()) as {
            deliveries: unknown[];
          }
        ).deliveries.length === 1,
      'the held delivery',
    );

    await sandbox.close();

    expect(await held).toBe('fetch failed');
  });
});
