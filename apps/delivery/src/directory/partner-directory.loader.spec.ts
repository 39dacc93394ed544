import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@rtw/platform';
import { generateWebhookSecret } from '@rtw/webhooks';
import { parseDuration } from './duration.parser';
import { DEFAULT_RETRY_SCHEDULE } from './directory-defaults';
import { loadPartnerDirectory } from './partner-directory.loader';

const KEY = 'DELIVERY_PARTNERS_FILE';

function writeDirectory(document: unknown, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'rtw-partners-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'partners.json'), JSON.stringify(document));
  return join(dir, 'partners.json');
}

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.key}: ${p.reason}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const actiris = {
  id: 'regional:actiris',
  partner: 'actiris',
  name: 'Actiris',
  endpoint: 'http://127.0.0.1:3004/actiris/messages',
  signingSecrets: ['file:actiris.secret'],
};

describe('loadPartnerDirectory', () => {
  it('resolves secrets from files and variables, newest first, with default limits and schedule', () => {
    const newest = generateWebhookSecret();
    const file = writeDirectory(
      {
        environment: 'development',
        organisations: [
          { ...actiris, signingSecrets: ['env:ACTIRIS_SECRET_NEW', 'file:actiris.secret'] },
          {
            id: 'cpmt:0403170701',
            partner: 'cpmt',
            name: 'A prevention service',
            endpoint: 'https://cpmt.example/rtw/messages',
            signingSecrets: ['file:actiris.secret'],
            limits: { concurrency: 2, timeout: '5s', circuit: { halfOpenAfter: '1s' } },
            retrySchedule: { delays: ['0s', '1s', '2m'], jitter: 0 },
          },
        ],
      },
      { 'actiris.secret': `${generateWebhookSecret()}\n` },
    );
    const directory = loadPartnerDirectory({
      file,
      configKey: KEY,
      production: false,
      env: { ACTIRIS_SECRET_NEW: newest },
    });

    const first = directory.byId('regional:actiris')!;
    expect(first).toMatchObject({ kind: 'regional', code: 'actiris', partner: 'actiris' });
    expect(first.secrets).toHaveLength(2);
    expect(first.secrets[0]!.key.toString('base64')).toBe(newest.slice('whsec_'.length));
    expect(first.retrySchedule).toEqual(DEFAULT_RETRY_SCHEDULE);
    expect(directory.byId('cpmt:0403170701')).toMatchObject({
      limits: {
        concurrency: 2,
        timeoutMs: 5000,
        circuit: { halfOpenAfterMs: 1000, failureRate: 0.5 },
      },
      retrySchedule: { delaysMs: [0, 1000, 120_000], jitter: 0 },
    });
  });

  it('lists every unusable organisation at once, naming it and never a secret', () => {
    const file = writeDirectory(
      {
        environment: 'production',
        organisations: [
          { ...actiris, endpoint: 'http://actiris.example/messages' },
          { ...actiris, id: 'regional:vdab', partner: 'actiris', endpoint: 'https://v.example' },
          { ...actiris, id: 'cpmt:0123456789', partner: 'cpmt', endpoint: 'https://c.example' },
          { ...actiris, endpoint: 'https://a.example', signingSecrets: ['whsec_inline'] },
          { ...actiris, endpoint: 'https://a.example', signingSecrets: ['env:NOT_SET_ANYWHERE'] },
          { ...actiris, endpoint: 'https://a.example', limits: { concurrency: 0 } },
          { ...actiris, endpoint: 'https://a.example', retrySchedule: { delays: ['soon'] } },
          { ...actiris, endpoint: 'https://a.example', signingSecrets: ['file:short.secret'] },
          { ...actiris, endpoint: 'https://a.example', tls: { cert: 'missing.pem' } },
        ],
      },
      { 'actiris.secret': generateWebhookSecret(), 'short.secret': 'whsec_c2hvcnQ=' },
    );
    expect(
      problemsOf(() => loadPartnerDirectory({ file, configKey: KEY, production: true })),
    ).toEqual([
      `${KEY}: organisation #0 (regional:actiris) must have an https endpoint in production`,
      `${KEY}: organisation #1 (regional:vdab) must have partner vdab`,
      `${KEY}: organisation #2 (cpmt:0123456789) has a code that is not valid for its kind`,
      `${KEY}: organisation #3 (regional:actiris) has signingSecrets[0] that is not an env:NAME or file:path reference`,
      `${KEY}: organisation #4 (regional:actiris) has signingSecrets[0] whose variable is not set`,
      `${KEY}: organisation #5 (regional:actiris) has limits.concurrency outside 1..64`,
      `${KEY}: organisation #6 (regional:actiris) has retrySchedule.delays with an entry that is not a duration up to 7d`,
      `${KEY}: organisation #7 (regional:actiris) has signingSecrets[0] that must decode to 24 to 64 bytes`,
      `${KEY}: organisation #8 (regional:actiris) has tls without readable cert and key files`,
    ]);
  });

  it('refuses an organisation listed twice and unreadable TLS material', () => {
    const file = writeDirectory(
      {
        environment: 'development',
        organisations: [
          actiris,
          actiris,
          {
            ...actiris,
            id: 'regional:forem',
            partner: 'forem',
            tls: { cert: 'x.pem', key: 'y.pem' },
          },
        ],
      },
      { 'actiris.secret': generateWebhookSecret() },
    );
    expect(
      problemsOf(() => loadPartnerDirectory({ file, configKey: KEY, production: false })),
    ).toEqual([
      `${KEY}: organisation #1 (regional:actiris) is listed twice`,
      `${KEY}: organisation #2 (regional:forem) has tls without readable cert and key files`,
    ]);
  });

  it('refuses a development directory in production, and a file that is not JSON', () => {
    const file = writeDirectory({ environment: 'development', organisations: [] });
    expect(
      problemsOf(() => loadPartnerDirectory({ file, configKey: KEY, production: true })),
    ).toEqual([`${KEY}: is a development directory, refused when NODE_ENV=production`]);
    const dir = mkdtempSync(join(tmpdir(), 'rtw-partners-'));
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(
      problemsOf(() =>
        loadPartnerDirectory({ file: join(dir, 'bad.json'), configKey: KEY, production: false }),
      ),
    ).toEqual([`${KEY}: cannot be read as a JSON object`]);
  });

  it('loads the committed development directory with its development secrets', () => {
    const directory = loadPartnerDirectory({
      file: join(__dirname, '..', '..', '..', '..', 'config', 'partners.json'),
      configKey: KEY,
      production: false,
    });
    expect(
      directory
        .all()
        .map((organisation) => organisation.partner)
        .sort(),
    ).toEqual(expect.arrayContaining(['actiris', 'adg', 'cpmt', 'forem', 'inami', 'vdab']));
  });
});

describe('parseDuration', () => {
  it.each([
    ['0s', 0],
    ['250ms', 250],
    ['10s', 10_000],
    ['1m', 60_000],
    ['6h', 21_600_000],
    ['1d', 86_400_000],
    [1500, 1500],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each([['10'], ['1.5s'], ['-1s'], ['soon'], [-5], [null]])('refuses %s', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});
