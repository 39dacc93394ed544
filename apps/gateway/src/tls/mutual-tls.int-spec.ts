import { execFileSync } from 'node:child_process';
import { X509Certificate, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  generateNiss,
  createTestTrust,
  exampleEvent,
  type TestTrust,
} from '@rtw/testing';
import { SINGLE, startGateway, type RunningGateway } from '../testing/gateway.fixture';

interface Pem {
  key: Buffer;
  cert: Buffer;
}

/** A throw-away self-signed certificate made with openssl, valid for 127.0.0.1. */
function selfSigned(dir: string, name: string): Pem {
  const [key, cert] = [join(dir, `${name}.key.pem`), join(dir, `${name}.cert.pem`)];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

function postOverTls(
  port: number,
  server: Pem,
  body: string,
  options: { client?: Pem; authorization?: string },
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      'content-type': SINGLE,
      'content-length': String(Buffer.byteLength(body)),
    };
    if (options.authorization) headers['authorization'] = options.authorization;
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/events',
        method: 'POST',
        ca: server.cert,
        key: options.client?.key,
        cert: options.client?.cert,
        headers,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('mutual TLS on the gateway', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rtw-mtls-'));
  const server = selfSigned(dir, 'gateway');
  const registered = selfSigned(dir, 'insurer-300-system');
  const stranger = selfSigned(dir, 'unregistered-system');
  let trust: TestTrust;
  let gateway: RunningGateway;
  let port: number;
  const event = () =>
    JSON.stringify(
      exampleEvent('contact.held', {
        dossierId: randomUUID(),
        insurer: '300',
        niss: generateNiss(),
      }),
    );

  beforeAll(async () => {
    trust = await createTestTrust({
      organisations: [
        {
          kind: 'insurer',
          code: '300',
          certificateFingerprints: [new X509Certificate(registered.cert).fingerprint256],
        },
      ],
    });
    port = await freePort();
    gateway = await startGateway({
      GATEWAY_ORGANISATIONS_FILE: trust.file,
      GATEWAY_MTLS_PORT: String(port),
      GATEWAY_TLS_CERT_FILE: join(dir, 'gateway.cert.pem'),
      GATEWAY_TLS_KEY_FILE: join(dir, 'gateway.key.pem'),
    });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it('authenticates an organisation by its registered client certificate alone', async () => {
    const response = await postOverTls(port, server, event(), { client: registered });
    expect([response.status, response.body['status']]).toEqual([202, 'accepted']);
  });

  it('refuses a client certificate registered to no organisation', async () => {
    const response = await postOverTls(port, server, event(), {
      client: stranger,
      authorization: `Bearer ${await trust.sign('insurer:300')}`,
    });
    expect([response.status, response.body['code']]).toEqual([401, 'UNKNOWN_ORGANISATION']);
  });

  it('still accepts a bearer token over TLS from a client without a certificate', async () => {
    const response = await postOverTls(port, server, event(), {
      authorization: `Bearer ${await trust.sign('insurer:300')}`,
    });
    expect(response.status).toBe(202);
  });
});
