import type { INestApplication } from '@nestjs/common';
import {
  createFreshDatabase,
  createTestTrust,
  dropDatabase,
  startInProcessApp,
  uniqueGroupId,
  type TestTrust,
} from '@rtw/testing';
import { inamiEvaluationApp } from '../inami-evaluation.app';
import { SUBMISSION_RECEIPTS_COMPONENT } from '../submission/receipts.consumer';
import { TEST_PSEUDONYM_SECRET } from '../testing/event-store.helper';

const SUPPORT = 'support:hub-support';
const year = String(new Date().getUTCFullYear() - 1);

describe('the INAMI evaluation API', () => {
  let database: { name: string; url: string };
  let trust: TestTrust;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    database = await createFreshDatabase();
    trust = await createTestTrust({
      organisations: [
        { kind: 'support', code: 'hub-support' },
        { kind: 'insurer', code: '100' },
      ],
      audience: 'urn:rtw:hub:inami-evaluation',
    });
    const running = await startInProcessApp(
      inamiEvaluationApp({ NODE_ENV: 'test' }),
      {
        DATABASE_URL: database.url,
        BACKGROUND_RETRY_MAX_MS: '1000',
        INAMI_PSEUDONYM_SECRET: TEST_PSEUDONYM_SECRET,
        INAMI_ORGANISATIONS_FILE: trust.file,
        INAMI_RECEIPTS_GROUP_ID: uniqueGroupId('inami-api-receipts'),
        INAMI_SCHEDULE_ENABLED: 'false',
      },
      { components: [SUBMISSION_RECEIPTS_COMPONENT] },
    );
    app = running.app;
    url = running.url;
  });

  afterAll(async () => {
    await app?.close();
    if (database) await dropDatabase(database.name);
  });

  const viewer = () => trust.sign(SUPPORT, { sub: 'agent-1', rtw_roles: ['viewer'] });
  const operator = () => trust.sign(SUPPORT, { sub: 'agent-2', rtw_roles: ['operator'] });

  async function call(method: 'GET' | 'POST', path: string, token?: string, body?: unknown) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('builds as a dry run, freezes with the person recorded, submits once', async () => {
    const built = await call('POST', `/v1/datasets/300/${year}/build`, await viewer());
    expect([built.status, built.body['trajectoriesCounted']]).toEqual([200, 0]);
    const listed = await call('GET', `/v1/datasets/300/${year}/versions`, await viewer());
    expect(listed).toEqual({ status: 200, body: { versions: [] } });

    const frozen = await call('POST', `/v1/datasets/300/${year}/versions`, await operator(), {});
    expect(frozen.status).toBe(201);
    expect(frozen.body).toMatchObject({
      version: 1,
      status: 'frozen',
      frozenBy: 'urn:rtw:org:support:hub-support/agent-2',
    });
    const again = await call('POST', `/v1/datasets/300/${year}/versions`, await operator(), {});
    expect([again.status, again.body['code']]).toEqual([422, 'REASON_REQUIRED']);

    const submitted = await call(
      'POST',
      `/v1/datasets/300/${year}/versions/1/submission`,
      await operator(),
    );
    expect([submitted.status, submitted.body['status']]).toEqual([202, 'submitted']);
    const twice = await call(
      'POST',
      `/v1/datasets/300/${year}/versions/1/submission`,
      await operator(),
    );
    expect([twice.status, twice.body['code']]).toEqual([409, 'VERSION_ALREADY_SUBMITTED']);
  });

  it.each([
    [
      'no token',
      'GET',
      `/v1/datasets/300/${year}/versions`,
      undefined,
      401,
      'AUTHENTICATION_REQUIRED',
    ],
    [
      'a viewer freezing',
      'POST',
      `/v1/datasets/300/${year}/versions`,
      'viewer',
      403,
      'ROLE_REQUIRED',
    ],
    [
      'an unknown insurer',
      'GET',
      `/v1/datasets/999/${year}/versions`,
      'viewer',
      404,
      'INSURER_UNKNOWN',
    ],
    [
      'a year that is not a number',
      'GET',
      '/v1/datasets/300/last/versions',
      'viewer',
      400,
      'INVALID_REQUEST',
    ],
    [
      'a year before trajectories',
      'POST',
      '/v1/datasets/300/2019/build',
      'viewer',
      422,
      'YEAR_OUT_OF_RANGE',
    ],
    [
      'a version never frozen',
      'GET',
      `/v1/datasets/300/${year}/versions/7`,
      'viewer',
      404,
      'VERSION_NOT_FOUND',
    ],
    [
      'submitting a version never frozen',
      'POST',
      `/v1/datasets/500/${year}/versions/1/submission`,
      'operator',
      409,
      'VERSION_NOT_FROZEN',
    ],
    [
      'a diff without versions',
      'GET',
      `/v1/datasets/300/${year}/diff?from=1`,
      'viewer',
      400,
      'INVALID_REQUEST',
    ],
    ['an unknown route', 'GET', '/v1/datasets', 'viewer', 404, 'ROUTE_NOT_FOUND'],
  ] as const)(
    'answers %s with a reason code, never a 5xx',
    async (_name, method, path, role, status, code) => {
      const token =
        role === undefined ? undefined : role === 'viewer' ? await viewer() : await operator();
      const answer = await call(method, path, token, method === 'POST' ? {} : undefined);
      expect([answer.status, answer.body['code']]).toEqual([status, code]);
    },
  );

  it('answers a body that is not JSON and one too large with this API’s codes', async () => {
    const freeze = async (body: string) => {
      const response = await fetch(`${url}/v1/datasets/300/${year}/versions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await operator()}`,
          'content-type': 'application/json',
        },
        body,
      });
      return [response.status, ((await response.json()) as { code?: string }).code];
    };
    expect(await freeze('{"reason": ')).toEqual([400, 'MALFORMED_JSON']);
    expect(await freeze(`{"reason": "${'x'.repeat(2_000_000)}"}`)).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
    ]);
  });

  it('serves its OpenAPI document', async () => {
    const answer = await call('GET', '/v1/openapi.json');
    expect([answer.status, answer.body['openapi']]).toEqual([200, '3.1.0']);
  });
});
