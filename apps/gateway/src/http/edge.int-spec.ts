import { randomUUID } from 'node:crypto';
import { createTestTrust, waitForReady, waitUntil, type TestTrust } from '@rtw/testing';
import { startGateway, type RunningGateway } from '../testing/gateway.fixture';
import { httpRequest, metricValue, sendRaw, type RawAnswer } from '../testing/http-client.fixture';

/** The problem body of an answer: `{ code, message, pointer? }`, nothing else. */
function problemOf(answer: RawAnswer): { status: number; code: unknown; keys: string[] } {
  const body = JSON.parse(answer.text) as Record<string, unknown>;
  return { status: answer.status, code: body['code'], keys: Object.keys(body).sort() };
}

describe('the edge of the gateway: paths, headers, credentials, access log and metrics', () => {
  let trust: TestTrust;
  let gateway: RunningGateway;
  const bearer = async () => `Bearer ${await trust.sign('insurer:100')}`;
  const getStatus = async (path: string, headers: Record<string, string> = {}) =>
    httpRequest({ url: gateway.url, method: 'GET', path, headers });

  beforeAll(async () => {
    trust = await createTestTrust({ organisations: [{ kind: 'insurer', code: '100' }] });
    gateway = await startGateway({ GATEWAY_ORGANISATIONS_FILE: trust.file });
    await waitForReady(gateway.url);
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('refuses an event id with a NUL byte as 400 EVENT_ID_INVALID, never as a database outage', async () => {
    const answer = await getStatus('/v1/events/abc%00', { authorization: await bearer() });
    expect(problemOf(answer)).toEqual({
      status: 400,
      code: 'EVENT_ID_INVALID',
      keys: ['code', 'message'],
    });
    expect(answer.headers['retry-after']).toBeUndefined();
    expect(gateway.logs()).not.toMatch(/QueryFailedError|DATABASE_UNAVAILABLE/);
  });

  it.each([
    ['a space', '/v1/events/has%20space'],
    ['129 characters', `/v1/events/${'a'.repeat(129)}`],
    ['a leading dot', '/v1/events/.hidden'],
    ['a non-ASCII letter', '/v1/events/%C3%A9v%C3%A9nement'],
  ])('refuses an event id with %s as 400 EVENT_ID_INVALID', async (_name, path) => {
    const answer = await getStatus(path, { authorization: await bearer() });
    expect(problemOf(answer)).toMatchObject({ status: 400, code: 'EVENT_ID_INVALID' });
  });

  it.each(['%', '%E0%A4%A', '%C0%80', 'a%ZZ'])(
    'refuses the malformed percent-encoding %s in the path as 400 MALFORMED_PATH, with the security headers',
    async (segment) => {
      const answer = await getStatus(`/v1/events/${segment}`, { authorization: await bearer() });
      expect(problemOf(answer)).toEqual({
        status: 400,
        code: 'MALFORMED_PATH',
        keys: ['code', 'message'],
      });
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('refuses an Authorization header over the header limit as 431 HEADERS_TOO_LARGE with a problem body', async () => {
    const answer = await getStatus('/v1/events/abc', {
      authorization: `Bearer ${'x'.repeat(70_000)}`,
    });
    expect(problemOf(answer)).toEqual({
      status: 431,
      code: 'HEADERS_TOO_LARGE',
      keys: ['code', 'message'],
    });
  });

  it('refuses bytes that are not HTTP with 400 MALFORMED_REQUEST and a problem body', async () => {
    const answer = await sendRaw(
      gateway.url,
      'GET /v1/events/a\u0000b HTTP/1.1\r\nHost: x\r\n\r\n',
    );
    expect(problemOf(answer)).toEqual({
      status: 400,
      code: 'MALFORMED_REQUEST',
      keys: ['code', 'message'],
    });
  });

  it('says that development keys are disabled, and how to enable them, to a DevKey request', async () => {
    const answer = await getStatus(`/v1/events/${randomUUID()}`, {
      authorization: 'DevKey dev-insurer-100-local-only',
    });
    expect(problemOf(answer)).toMatchObject({ status: 401, code: 'DEV_KEYS_DISABLED' });
    expect(JSON.parse(answer.text)).toMatchObject({
      message: expect.stringContaining('GATEWAY_DEV_STATIC_KEYS'),
    });
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND and a problem body', async () => {
    const answer = await httpRequest({ url: gateway.url, method: 'PUT', path: '/nowhere' });
    expect(problemOf(answer)).toEqual({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      keys: ['code', 'message'],
    });
  });

  it('logs one access line per request with the route template, status, organisation, reason code and duration, and no id or query', async () => {
    const accessLines = () =>
      gateway
        .logs()
        .split('\n')
        .filter((line) => line.includes('"context":"AccessLog"'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    const before = accessLines().length;
    const eventId = `probe-${randomUUID()}`;

    await getStatus(`/v1/events/${eventId}?trace=query-value`, { authorization: await bearer() });

    // The line is written when the response closes, which may be just after the client read it.
    await waitUntil(() => accessLines().length > before, 'the access log line');
    const added = accessLines().slice(before);
    expect(added).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        app: 'gateway',
        context: 'AccessLog',
        method: 'GET',
        route: '/v1/events/:id',
        status: '404',
        code: 'EVENT_NOT_FOUND',
        organisationId: 'insurer:100',
        durationMs: expect.any(Number),
        msg: 'GET /v1/events/:id 404',
      },
    ]);
    expect(gateway.logs()).not.toContain(eventId);
    expect(gateway.logs()).not.toContain('query-value');
  });

  it('counts requests, refusals by reason code and durations on /metrics by route template and status', async () => {
    const scrape = async () => (await fetch(`${gateway.url}/metrics`)).text();
    const labels = { method: 'GET', route: '/v1/events/:id', status: '404' };
    const refusal = { route: '/v1/events/:id', status: '404', code: 'EVENT_NOT_FOUND' };
    const malformed = { route: 'unmatched', status: '400', code: 'MALFORMED_PATH' };
    const before = await scrape();

    for (let i = 0; i < 3; i += 1)
      await getStatus(`/v1/events/${randomUUID()}`, { authorization: await bearer() });
    await getStatus('/v1/events/%', {});
    // Counted when each response closes, which may be just after the client read it.
    let after = '';
    const delta = (name: string, wanted: Record<string, string>) =>
      metricValue(after, name, wanted) - metricValue(before, name, wanted);
    await waitUntil(async () => {
      after = await scrape();
      return (
        delta('rtw_gateway_http_request_duration_seconds_count', labels) >= 3 &&
        delta('rtw_gateway_http_refusals_total', malformed) >= 1
      );
    }, 'the requests to be counted');

    expect([
      delta('rtw_gateway_http_requests_total', labels),
      delta('rtw_gateway_http_refusals_total', refusal),
      delta('rtw_gateway_http_request_duration_seconds_count', labels),
      delta('rtw_gateway_http_refusals_total', malformed),
    ]).toEqual([3, 3, 3, 1]);
    expect(after).not.toMatch(/route="\/v1\/events\/[0-9a-f]{8}-/);
  });
});
