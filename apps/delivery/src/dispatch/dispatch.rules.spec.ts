import { generateNiss } from '@rtw/testing';
import { DEFAULT_RETRY_SCHEDULE } from '../directory/directory-defaults';
import { classify, transportFailureOf } from './response.classifier';
import { keptHeaders, responseExcerpt } from './response.excerpt';
import { parseRetryAfter } from './retry-after.parser';
import { planRetry } from './retry.schedule';

const NOW = new Date('2026-12-01T10:00:00Z');

describe('classify', () => {
  it.each([200, 201, 202, 204, 299])('counts %s as delivered', (status) =>
    expect(classify({ kind: 'answer', status })).toEqual({ verdict: 'delivered' }),
  );

  it.each([
    [408, 'PARTNER_TIMEOUT'],
    [425, 'PARTNER_TOO_EARLY'],
    [429, 'PARTNER_RATE_LIMITED'],
    [500, 'PARTNER_UNAVAILABLE'],
    [502, 'PARTNER_UNAVAILABLE'],
    [503, 'PARTNER_UNAVAILABLE'],
    [504, 'PARTNER_UNAVAILABLE'],
  ])('retries %s as %s', (status, code) =>
    expect(classify({ kind: 'answer', status })).toEqual({ verdict: 'retryable', code }),
  );

  it.each([
    [400, 'PARTNER_REJECTED'],
    [401, 'PARTNER_REJECTED'],
    [403, 'PARTNER_REJECTED'],
    [404, 'PARTNER_REJECTED'],
    [409, 'PARTNER_REJECTED'],
    [422, 'PARTNER_REJECTED'],
    [301, 'PARTNER_REDIRECTED'],
    [307, 'PARTNER_REDIRECTED'],
  ])('gives up at once on %s (%s)', (status, code) =>
    expect(classify({ kind: 'answer', status })).toEqual({ verdict: 'rejected', code }),
  );

  it('keeps Retry-After for 429 and 503 only', () => {
    expect(classify({ kind: 'answer', status: 429, retryAfter: '30' })).toEqual({
      verdict: 'retryable',
      code: 'PARTNER_RATE_LIMITED',
      retryAfter: '30',
    });
    expect(classify({ kind: 'answer', status: 503, retryAfter: '30' })).toMatchObject({
      retryAfter: '30',
    });
    expect(classify({ kind: 'answer', status: 500, retryAfter: '30' })).not.toHaveProperty(
      'retryAfter',
    );
  });

  it('retries every transport failure', () => {
    expect(classify({ kind: 'transport-failure', code: 'CONNECTION_REFUSED' })).toEqual({
      verdict: 'retryable',
      code: 'CONNECTION_REFUSED',
    });
  });
});

describe('transportFailureOf', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 'CONNECTION_REFUSED'],
    [{ code: 'UND_ERR_HEADERS_TIMEOUT' }, 'TIMEOUT'],
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, 'TIMEOUT'],
    [{ name: 'TimeoutError' }, 'TIMEOUT'],
    [{ code: 'ECONNRESET' }, 'CONNECTION_RESET'],
    [{ code: 'UND_ERR_SOCKET' }, 'CONNECTION_RESET'],
    [{ code: 'ENOTFOUND' }, 'DNS_FAILURE'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'TLS_FAILURE'],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'TLS_FAILURE'],
    [{ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } }, 'CONNECTION_REFUSED'],
    [new Error('something else'), 'NETWORK_ERROR'],
  ])('maps %o to %s', (error, code) => expect(transportFailureOf(error)).toBe(code));
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, a past date as now', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:05:00 GMT', NOW)).toBe(300_000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 09:00:00 GMT', NOW)).toBe(0);
  });

  it.each([[undefined], [''], ['-5'], ['1.5'], ['soon'], ['12:00']])('ignores %s', (value) =>
    expect(parseRetryAfter(value, NOW)).toBeUndefined(),
  );
});

describe('planRetry', () => {
  const base = { schedule: DEFAULT_RETRY_SCHEDULE, now: NOW, maxRetryAfterMs: 3_600_000 };
  const at = (plan: ReturnType<typeof planRetry>) =>
    plan.kind === 'retry' ? plan.at.getTime() - NOW.getTime() : plan.kind;

  it('follows the default schedule: 10 s, 1 min, 10 min, 1 h, 6 h, 24 h, then gives up', () => {
    const middle = () => 0.5; // no jitter at the middle of the range
    expect(
      [1, 2, 3, 4, 5, 6, 7].map((n) =>
        at(planRetry({ ...base, attemptsInRound: n, random: middle })),
      ),
    ).toEqual([10_000, 60_000, 600_000, 3_600_000, 21_600_000, 86_400_000, 'exhausted']);
  });

  it('spreads a delay by at most ± the jitter share', () => {
    expect(at(planRetry({ ...base, attemptsInRound: 4, random: () => 0 }))).toBe(3_240_000);
    expect(at(planRetry({ ...base, attemptsInRound: 4, random: () => 0.999999 }))).toBe(3_959_999);
  });

  it('waits at least the partner’s Retry-After, capped', () => {
    const middle = () => 0.5;
    expect(at(planRetry({ ...base, attemptsInRound: 1, retryAfter: '120', random: middle }))).toBe(
      120_000,
    );
    expect(at(planRetry({ ...base, attemptsInRound: 1, retryAfter: '5', random: middle }))).toBe(
      10_000,
    );
    expect(
      at(planRetry({ ...base, attemptsInRound: 1, retryAfter: '999999', random: middle })),
    ).toBe(3_600_000);
  });

  it('gives up at once when the schedule has a single attempt', () => {
    expect(
      at(planRetry({ ...base, schedule: { delaysMs: [0], jitter: 0 }, attemptsInRound: 1 })),
    ).toBe('exhausted');
  });
});

describe('response excerpts', () => {
  it('keeps the first bytes only, masks national numbers and long digit runs, flattens controls', () => {
    const niss = generateNiss();
    const body = Buffer.from(`{"error":"invalid niss ${niss}","\u0007x":"${'a'.repeat(600)}"}`);
    const excerpt = responseExcerpt(body, 64);
    expect(excerpt).not.toContain(niss);
    expect(excerpt).toContain('[niss-redacted]');
    expect(excerpt).not.toContain('\u0007');
    expect(Buffer.byteLength(excerpt)).toBeLessThanOrEqual(80);
    expect(responseExcerpt(Buffer.from(`ref ${niss.slice(0, 10)}`), 100)).toBe(
      'ref [digits-redacted]',
    );
  });

  it('keeps only allow-listed response headers', () => {
    expect(
      keptHeaders({
        'content-type': 'application/json',
        'set-cookie': ['a=b'],
        'retry-after': '30',
        server: 'x',
      }),
    ).toEqual({ 'content-type': 'application/json', 'retry-after': '30' });
  });
});
