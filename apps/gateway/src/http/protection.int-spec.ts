import { randomUUID } from 'node:crypto';
import { generateNiss, createTestTrust, exampleEvent, type TestTrust } from '@rtw/testing';
import { SINGLE, post, startGateway, type RunningGateway } from '../testing/gateway.fixture';

describe('request protection of the submission API', () => {
  let trust: TestTrust;
  let gateway: RunningGateway;

  beforeAll(async () => {
    trust = await createTestTrust({
      organisations: [
        { kind: 'insurer', code: '100' },
        { kind: 'insurer', code: '200' },
      ],
    });
    gateway = await startGateway({
      GATEWAY_ORGANISATIONS_FILE: trust.file,
      GATEWAY_RATE_LIMIT_PER_SECOND: '1',
      GATEWAY_RATE_LIMIT_BURST: '2',
    });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  const event = (insurer: string) =>
    exampleEvent('contact.held', { dossierId: randomUUID(), insurer, niss: generateNiss() });
  const submit = async (organisation: string, body: unknown = event(organisation.slice(-3))) =>
    post(`${gateway.url}/v1/events`, body, {
      'content-type': SINGLE,
      authorization: `Bearer ${await trust.sign(organisation)}`,
    });

  it("answers 429 with Retry-After once an organisation's burst is spent, without slowing the others", async () => {
    const statuses = [(await submit('insurer:100')).status, (await submit('insurer:100')).status];
    const limited = await submit('insurer:100');
    const other = await submit('insurer:200');

    expect(statuses).toEqual([202, 202]);
    expect([
      limited.status,
      limited.body['code'],
      Number(limited.headers.get('retry-after')),
    ]).toEqual([429, 'RATE_LIMITED', 1]);
    expect(other.status).toBe(202);
  });

  it('refuses an application/json body, even a malformed one, as an unsupported media type', async () => {
    const response = await fetch(`${gateway.url}/v1/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await trust.sign('insurer:200')}`,
      },
      body: '{"broken": ',
    });
    expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ]);
  });

  it('answers an unknown route under /v1 with a reason code', async () => {
    const response = await fetch(`${gateway.url}/v1/nothing-here`);
    expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([
      404,
      'ROUTE_NOT_FOUND',
    ]);
  });
});
