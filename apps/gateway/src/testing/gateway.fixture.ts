// FOR TESTS ONLY: the gateway started in-process on the real broker and database, on a free port.
import type { INestApplication } from '@nestjs/common';
import { Writable } from 'node:stream';
import { createLogger } from '@rtw/platform';
import { createHubApp, readConfig } from '@rtw/runtime';
import { kafkaBrokers, testDatabaseUrl, waitForReady } from '@rtw/testing';
import { gatewayApp } from '../gateway.app';

/** A gateway running in the test process. */
export interface RunningGateway {
  readonly app: INestApplication;
  readonly url: string;
  /** Everything it logged, one JSON object per line. */
  logs(): string;
  close(): Promise<void>;
}

/**
 * Starts the gateway with the test defaults (no relay, no Kafka ingress) overridden by `env`, and
 * resolves once it answers ready (its database connected, its background work running), unless
 * `waitReady` is false (tests of a gateway whose dependency is down on purpose).
 */
export async function startGateway(
  env: Record<string, string>,
  options: { waitReady?: boolean } = {},
): Promise<RunningGateway> {
  const environment = {
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_TOPIC_PARTITIONS: '3',
    GATEWAY_OUTBOX_RELAY: 'false',
    GATEWAY_KAFKA_INGRESS: 'false',
    ...env,
  };
  const definition = gatewayApp(environment);
  const config = readConfig(definition, environment);
  if (!config) throw new Error('test configuration refused');
  let logs = '';
  const destination = new Writable({
    write: (chunk, _encoding, done) => ((logs += chunk.toString()), done()),
  });
  const app = await createHubApp(
    definition,
    config,
    createLogger({ app: 'gateway', level: 'info', destination }),
  );
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  if (options.waitReady !== false) {
    try {
      // The Kafka ingress only degrades readiness: wait for it explicitly when a test enables it.
      const components = environment.GATEWAY_KAFKA_INGRESS === 'true' ? ['kafka-ingress'] : [];
      await waitForReady(url, { components });
    } catch (error) {
      await app.close();
      throw error;
    }
  }
  return { app, url, logs: () => logs, close: () => app.close() };
}

/** Media types of the submission API. */
export const SINGLE = 'application/cloudevents+json';
export const BATCH = 'application/cloudevents-batch+json';

/** POSTs a body (an object is sent as JSON) and returns status, headers and parsed body. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}
