// FOR TESTS ONLY: a hub app started inside the test process on the real broker and database,
// returned once its readiness lists the components the test needs (never before).
import type { INestApplication } from '@nestjs/common';
import { Writable } from 'node:stream';
import { createLogger } from '@rtw/platform';
import { createHubApp, readConfig, type HubAppDefinition } from '@rtw/runtime';
import { waitForReady } from './app-process.fixture';
import { kafkaBrokers } from './kafka.fixture';

/** An app running in the test process. */
export interface InProcessApp {
  readonly app: INestApplication;
  readonly url: string;
  /** Everything it logged, one JSON object per line. */
  logs(): string;
  close(): Promise<void>;
}

/**
 * Starts `definition` with `env` over the test defaults (test mode, the test broker, three
 * partitions), listening on a free loopback port, and waits until `components` run.
 */
export async function startInProcessApp(
  definition: HubAppDefinition,
  env: Record<string, string>,
  options: { components: string[] },
): Promise<InProcessApp> {
  const environment = {
    NODE_ENV: 'test',
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_TOPIC_PARTITIONS: '3',
    ...env,
  };
  const config = readConfig(definition, environment);
  if (!config) throw new Error(`${definition.app}: test configuration refused`);
  let logs = '';
  const destination = new Writable({
    write: (chunk, _encoding, done) => ((logs += chunk.toString()), done()),
  });
  const app = await createHubApp(
    definition,
    config,
    createLogger({ app: definition.app, level: 'info', destination }),
  );
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  try {
    await waitForReady(url, { components: options.components });
  } catch (error) {
    await app.close();
    throw error;
  }
  return { app, url, logs: () => logs, close: () => app.close() };
}
