// A bounded HTTP fuzz of the gateway: a few hundred generated requests (methods, paths with
// percent-encoding and NUL, headers up to past Node's limit, bodies of every kind, with and
// without a valid development key) against the real app on the real broker and database. It
// must answer every one without a 5xx, and every refusal with the problem body and a known code
// whose status is the one the API documents. Deterministic: fast-check's seed is fixed (FUZZ_SEED
// overrides it) and printed with the counterexample on failure.
import fc from 'fast-check';
import { validateHeaderValue } from 'node:http';
import { REASON_CODES } from '@rtw/ingress';
import {
  ECHO_SENTINEL,
  FUZZ_SEED,
  applyMutations,
  createFreshDatabase,
  dropDatabase,
  eventMutations,
  exampleEvent,
  generateNiss,
  hostileText,
  seededRandom,
  type JsonEvent,
  waitForReady,
} from '@rtw/testing';
import { STATUS_BY_REASON } from '../../apps/gateway/src/http/reason-status.map';
import {
  BATCH,
  SINGLE,
  startGateway,
  type RunningGateway,
} from '../../apps/gateway/src/testing/gateway.fixture';
import { httpRequest, type RawAnswer } from '../../apps/gateway/src/testing/http-client.fixture';

const REQUESTS = 300;
const EVENT_MAX_BYTES = 16_384;
const KNOWN_CODES = new Set<string>(REASON_CODES);
const INSURER_KEY = 'DevKey dev-insurer-100-local-only';

/** A valid event of insurer 100 built only from generated values, so that runs repeat exactly. */
const validEvent = fc
  .record({
    type: fc.constantFrom('dossier.opened', 'contact.held', 'questionnaire.sent', 'plan.drafted'),
    id: fc.uuid({ version: 4 }),
    dossierId: fc.uuid({ version: 4 }),
    nissSeed: fc.nat(),
  })
  .map(({ type, id, dossierId, nissSeed }): JsonEvent => {
    const niss = generateNiss({ random: seededRandom(nissSeed) });
    return { ...exampleEvent(type, { dossierId, insurer: '100', niss }), id };
  });

const candidateEvent = fc.oneof(
  validEvent,
  fc.tuple(validEvent, eventMutations()).map(([event, edits]) => applyMutations(event, edits)),
);

const json = (value: unknown) => Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');

/** A value too large to print in a counterexample: `times` copies of `text` after `prefix`. */
interface Big {
  prefix: string;
  text: string;
  times: number;
}
const big = (text: string, times: number, prefix = ''): Big => ({ prefix, text, times });
const expand = (value: string | Big): string =>
  typeof value === 'string' ? value : value.prefix + value.text.repeat(value.times);
const body = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: candidateEvent.map(json) },
  { weight: 2, arbitrary: fc.array(candidateEvent, { minLength: 0, maxLength: 3 }).map(json) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: hostileText().map((text) => Buffer.from(text, 'utf8')) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json) },
  { weight: 1, arbitrary: fc.constant(big('{', EVENT_MAX_BYTES + 10)) },
);

// Path segments: ids of every shape, malformed and valid percent-encoding, NUL, traversal.
const segment = fc.oneof(
  fc.uuid({ version: 4 }),
  fc.constantFrom(
    '%',
    '%00',
    'abc%00',
    '%E0%A4%A',
    '%C0%80',
    '%ZZ',
    '%2F',
    '%2e%2e',
    '..',
    'batch',
  ),
  fc.stringMatching(/^[A-Za-z0-9._~:@!$&'()*+,;=-]{0,40}$/),
  hostileText().map((text) => {
    try {
      return encodeURIComponent(text);
    } catch {
      return '%ED%A0%80'; // a lone surrogate has no UTF-8 encoding
    }
  }),
);
const path = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        '/v1/events',
        '/v1/events/batch',
        '/v1/openapi.json',
        '/health/live',
        '/health/ready',
        '/metrics',
        '/',
        '/v1',
      ),
      segment.map((id) => `/v1/events/${id}`),
      segment.map((id) => `/v1/events/${id}`),
      fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`),
    ),
    fc.option(segment.map((value) => `?q=${value}`)),
  )
  .map(([route, query]) => `${route}${query ?? ''}`);

/** A header value Node's client agrees to send (it refuses CR, LF, NUL and the like itself). */
const headerValue = (arbitrary: fc.Arbitrary<string>) =>
  arbitrary.filter((value) => {
    try {
      validateHeaderValue('x-fuzz', value);
      return true;
    } catch {
      return false;
    }
  });

const authorization = fc.option(
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(INSURER_KEY) },
    { weight: 1, arbitrary: fc.constant('DevKey dev-cpmt-0403170701-local-only') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('DevKey not-a-known-key-000', 'Basic dXNlcjpwYXNz', 'Bearer'),
    },
    { weight: 1, arbitrary: headerValue(hostileText()).map((text) => `Bearer ${text}`) },
    { weight: 1, arbitrary: fc.constant(big('x', 20_000, 'Bearer ')) },
  ),
  { freq: 4 }, // none in 1 of 4
);

const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(SINGLE, BATCH, `${SINGLE}; charset=utf-8`, `${SINGLE}; charset=latin1`),
    fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x'),
    headerValue(hostileText()),
  ),
  { freq: 4 },
);

const anyRequest = fc.record({
  method: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('GET', 'POST') },
    {
      weight: 2,
      arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'PROPFIND', 'BREW'),
    },
  ),
  path,
  authorization,
  contentType,
  extra: fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: headerValue(hostileText()) },
    { weight: 1, arbitrary: fc.constant(big('y', 17_000)) },
  ),
  body,
});

type FuzzRequest = typeof anyRequest extends fc.Arbitrary<infer T> ? T : never;

/** A submission that gets past the edge, so the fuzz also reaches parsing, contracts and SQL. */
const submission: fc.Arbitrary<FuzzRequest> = fc.oneof(
  fc.record({
    method: fc.constant('POST'),
    path: fc.constant('/v1/events'),
    authorization: fc.constant(INSURER_KEY),
    contentType: fc.constant(SINGLE),
    extra: fc.constant(null),
    body: candidateEvent.map(json),
  }),
  fc.record({
    method: fc.constant('POST'),
    path: fc.constant('/v1/events/batch'),
    authorization: fc.constant(INSURER_KEY),
    contentType: fc.constant(BATCH),
    extra: fc.constant(null),
    body: fc.array(candidateEvent, { minLength: 1, maxLength: 3 }).map(json),
  }),
);

const request = fc.oneof(
  { weight: 1, arbitrary: submission },
  { weight: 2, arbitrary: anyRequest },
);

async function send(url: string, generated: FuzzRequest): Promise<RawAnswer> {
  const headers: Record<string, string> = {};
  if (generated.authorization !== null) headers['authorization'] = expand(generated.authorization);
  if (generated.contentType !== null) headers['content-type'] = generated.contentType;
  if (generated.extra !== null) headers['x-fuzz'] = expand(generated.extra);
  const body =
    generated.body === undefined || Buffer.isBuffer(generated.body)
      ? generated.body
      : Buffer.from(expand(generated.body));
  return httpRequest({
    url,
    method: generated.method,
    path: generated.path,
    headers,
    body: generated.method === 'HEAD' ? undefined : body,
  });
}

/** Everything an answer must be: no 5xx; a refusal is `{ code, message, pointer? }` with its status. */
function expectWellFormed(generated: FuzzRequest, answer: RawAnswer): void {
  expect(answer.status).toBeLessThan(500);
  if (answer.status < 400 || generated.method === 'HEAD') return;
  const problem = JSON.parse(answer.text) as Record<string, unknown>;
  const code = String(problem['code']);
  expect([code, KNOWN_CODES.has(code)]).toEqual([code, true]);
  expect(answer.status).toBe(STATUS_BY_REASON[code as keyof typeof STATUS_BY_REASON]);
  expect(typeof problem['message']).toBe('string');
  expect(String(problem['message'])).not.toContain(ECHO_SENTINEL);
  expect(
    Object.keys(problem).filter((key) => !['code', 'message', 'pointer'].includes(key)),
  ).toEqual([]);
}

describe('the gateway under a bounded HTTP fuzz', () => {
  let database: { name: string; url: string };
  let gateway: RunningGateway;

  beforeAll(async () => {
    database = await createFreshDatabase();
    gateway = await startGateway({
      DATABASE_URL: database.url,
      GATEWAY_ORGANISATIONS_FILE: 'config/organisations.json',
      GATEWAY_DEV_STATIC_KEYS: 'config/keys/dev-static-keys.json',
      GATEWAY_EVENT_MAX_BYTES: String(EVENT_MAX_BYTES),
      GATEWAY_BATCH_MAX_EVENTS: '2',
      // The fuzz explores the API, not the rate limit (which has its own test).
      GATEWAY_RATE_LIMIT_PER_SECOND: '100000',
      GATEWAY_RATE_LIMIT_BURST: '100000',
    });
    await waitForReady(gateway.url);
  });
  afterAll(async () => {
    await gateway?.close();
    if (database) await dropDatabase(database.name);
  });

  it(`answers ${REQUESTS} generated requests without a 5xx, each refusal with a problem body and a known code`, async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(request, async (generated) => {
        const answer = await send(gateway.url, generated);
        statuses.add(answer.status);
        expectWellFormed(generated, answer);
      }),
      // No shrinking on failure: each step is a request; the seed and the request are printed.
      { seed: FUZZ_SEED, numRuns: REQUESTS, endOnFailure: true },
    );

    // The fuzz reached past the edge: events were accepted, batches judged, contracts refused.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 202, 400, 401, 404, 422]));
    expect(gateway.logs()).not.toMatch(/Unexpected error|Unhandled error/);
    expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
  });
});
