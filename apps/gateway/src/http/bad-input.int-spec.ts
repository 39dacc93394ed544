import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createFreshDatabase,
  createTestDataSource,
  dropDatabase,
  generateNiss,
  createTestTrust,
  exampleEvent,
  type TestTrust,
} from '@rtw/testing';
import { badInputCases, sendBadInput, type BadInputContext } from '../testing/bad-inputs.fixture';
import { SINGLE, post, startGateway, type RunningGateway } from '../testing/gateway.fixture';

describe('bad input to the submission API', () => {
  let trust: TestTrust;
  let gateway: RunningGateway;
  let database: { name: string; url: string };
  let dataSource: DataSource;
  let context: BadInputContext;

  beforeAll(async () => {
    trust = await createTestTrust({
      organisations: [
        { kind: 'insurer', code: '100' },
        { kind: 'cpmt', code: '0403170701' },
      ],
    });
    database = await createFreshDatabase();
    dataSource = await createTestDataSource({ url: database.url });
    gateway = await startGateway({
      DATABASE_URL: database.url,
      GATEWAY_ORGANISATIONS_FILE: trust.file,
      GATEWAY_BATCH_MAX_EVENTS: '20',
      GATEWAY_EVENT_MAX_BYTES: '16384',
    });
    const replayedAuthorization = `Bearer ${await trust.sign('insurer:100')}`;
    const first = exampleEvent('contact.held', {
      dossierId: randomUUID(),
      insurer: '100',
      niss: generateNiss(),
    });
    await post(`${gateway.url}/v1/events`, first, {
      'content-type': SINGLE,
      authorization: replayedAuthorization,
    });
    context = {
      trust,
      insurer: 'insurer:100',
      partner: 'cpmt:0403170701',
      replayedAuthorization,
      batchMaxEvents: 20,
      eventMaxBytes: 16384,
    };
  });
  afterAll(async () => {
    await gateway?.close();
    await dataSource?.destroy();
    if (database) await dropDatabase(database.name);
  });

  it('gives each bad input of the issue its own reason code and a 4xx status', async () => {
    const cases = badInputCases(context);
    const seen = [];
    for (const input of cases) {
      const { status, code } = await sendBadInput(gateway.url, input, context);
      seen.push([input.code, code, status >= 400 && status < 500]);
    }
    expect(seen).toEqual(cases.map((input) => [input.code, input.code, true]));
    expect(new Set(cases.map((input) => input.code)).size).toBe(cases.length);
  });

  it('answers a reused id with a different payload with 409 IDEMPOTENCY_CONFLICT', async () => {
    const event = exampleEvent('contact.held', {
      dossierId: randomUUID(),
      insurer: '100',
      niss: generateNiss(),
    });
    const send = async (body: unknown) =>
      post(`${gateway.url}/v1/events`, body, {
        'content-type': SINGLE,
        authorization: `Bearer ${await trust.sign('insurer:100')}`,
      });
    expect((await send(event)).status).toBe(202);
    const conflict = await send({ ...event, time: '2026-09-01T09:00:00+02:00' });
    expect([conflict.status, conflict.body['code']]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);
  });

  it('stays alive after every bad input', async () => {
    expect((await fetch(`${gateway.url}/health/live`)).status).toBe(200);
  });
});
