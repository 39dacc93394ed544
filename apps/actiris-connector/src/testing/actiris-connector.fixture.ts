// FOR TESTS ONLY: the Actiris connector started in-process on the real broker and a database of its
// own, ready (consumer joined, relay running) before the test goes on.
import type { INestApplication } from '@nestjs/common';
import { Writable } from 'node:stream';
import { createLogger } from '@rtw/platform';
import { createHubApp, readConfig } from '@rtw/runtime';
import { kafkaBrokers, waitForReady } from '@rtw/testing';
import { ACTIRIS_CONNECTOR_APP } from '../actiris-connector.app';

/** A connector running in the test process. */
export interface RunningConnector {
  readonly app: INestApplication;
  readonly url: string;
  /** Everything it logged, one JSON object per line. */
  logs(): string;
  close(): Promise<void>;
}

/** Starts the connector on `databaseUrl` with a consumer group of its own. */
export async function startActirisConnector(env: {
  DATABASE_URL: string;
  ACTIRIS_CONNECTOR_GROUP_ID: string;
}): Promise<RunningConnector> {
  const environment = {
    NODE_ENV: 'test',
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_TOPIC_PARTITIONS: '3',
    ...env,
  };
  const config = readConfig(ACTIRIS_CONNECTOR_APP, environment);
  if (!config) throw new Error('test configuration refused');
  let logs = '';
  const destination = new Writable({
    write: (chunk, _encoding, done) => ((logs += chunk.toString()), done()),
  });
  const app = await createHubApp(
    ACTIRIS_CONNECTOR_APP,
    config,
    createLogger({ app: 'actiris-connector', level: 'info', destination }),
  );
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  try {
    await waitForReady(url, { components: ['dossier-events', 'outbox-relay'] });
  } catch (error) {
    await app.close();
    throw error;
  }
  return { app, url, logs: () => logs, close: () => app.close() };
}
