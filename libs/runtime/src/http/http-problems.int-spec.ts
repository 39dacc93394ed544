import { Controller, Get, Injectable, Module, type INestApplication } from '@nestjs/common';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '@rtw/platform';
import { createHubApp, readConfig, type HubAppDefinition } from '../bootstrap/run-hub-app';
import { ReadinessRegistry } from '../health/readiness.registry';

@Controller('broken')
class BrokenController {
  @Get()
  fail(): never {
    throw new TypeError("Cannot read properties of undefined (reading 'secret')");
  }
}

@Injectable()
class DownDependency {
  constructor(readiness: ReadinessRegistry) {
    readiness.register({
      name: 'dependency',
      check: async () => ({ status: 'down', reason: 'always down in this test' }),
    });
  }
}

@Module({ controllers: [BrokenController], providers: [DownDependency] })
class BrokenFeatureModule {}

const definition: HubAppDefinition = {
  app: 'problems-test',
  feature: BrokenFeatureModule,
  port: { key: 'PROBLEMS_TEST_PORT', default: 0 },
  kafka: false,
  database: false,
};

/** Sends raw bytes and returns what came back, for requests no HTTP client would send. */
function sendRaw(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('end', () => {
      socket.destroy();
      resolve(answer);
    });
    socket.on('error', reject);
  });
}

function problemOfRaw(answer: string): { status: number; body: unknown } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: JSON.parse(body) };
}

describe('the problem format at the HTTP edge of any hub process', () => {
  let app: INestApplication;
  let url: string;
  let logs = '';

  beforeAll(async () => {
    const config = readConfig(definition, {});
    if (!config) throw new Error('test configuration refused');
    const destination = new Writable({
      write: (chunk, _encoding, done) => ((logs += chunk.toString()), done()),
    });
    app = await createHubApp(
      definition,
      config,
      createLogger({ app: 'problems-test', destination }),
    );
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND, not the framework body', async () => {
    const response = await fetch(`${url}/no/such/route?x=1`, { method: 'DELETE' });
    expect([response.status, await response.json()]).toEqual([
      404,
      { code: 'ROUTE_NOT_FOUND', message: 'no such route' },
    ]);
  });

  it('answers an unhandled error with 500 INTERNAL_ERROR, naming neither its class nor its message, and logs it', async () => {
    const response = await fetch(`${url}/broken`);
    const text = await response.text();
    expect([response.status, JSON.parse(text)]).toEqual([
      500,
      { code: 'INTERNAL_ERROR', message: 'the request could not be handled' },
    ]);
    expect(text).not.toMatch(/TypeError|secret/);
    const logged = logs
      .split('\n')
      .filter((line) => line.includes('Unhandled error while handling a request'))
      .map((line) => JSON.parse(line) as { route: string; err: { type: string } });
    expect(logged.map((line) => [line.route, line.err.type])).toEqual([['/broken', 'TypeError']]);
  });

  it('keeps the readiness report as the body of a 503 from /health/ready', async () => {
    const response = await fetch(`${url}/health/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 'error',
      error: { dependency: { status: 'down', reason: 'always down in this test' } },
    });
  });

  it('answers headers over the limit with 431 HEADERS_TOO_LARGE and a problem body', async () => {
    const answer = await sendRaw(
      url,
      `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(problemOfRaw(answer)).toEqual({
      status: 431,
      body: {
        code: 'HEADERS_TOO_LARGE',
        message: 'the request headers are larger than the limit of 16384 bytes',
      },
    });
  });

  it('answers a HEAD request over the header limit with 431 and no body', async () => {
    const answer = await sendRaw(
      url,
      `HEAD /health/live HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.startsWith('HTTP/1.1 431 ')).toBe(true);
    expect(answer.endsWith('\r\n\r\n')).toBe(true);
  });

  it('answers bytes that are not HTTP with 400 MALFORMED_REQUEST and a problem body, and counts both', async () => {
    const answer = await sendRaw(url, 'GET /health/live HTTP/1.1\r\nBad Header\u0000: x\r\n\r\n');
    expect(problemOfRaw(answer)).toEqual({
      status: 400,
      body: { code: 'MALFORMED_REQUEST', message: 'the request is not valid HTTP/1.1' },
    });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/rtw_http_client_errors_total\{code="HEADERS_TOO_LARGE",[^}]*\} [1-9]/);
    expect(metrics).toMatch(/rtw_http_client_errors_total\{code="MALFORMED_REQUEST",[^}]*\} [1-9]/);
  });

  it('stays alive after them', async () => {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
  });
});
