// FOR TESTS ONLY: the tracker started in-process on the real broker and database, on a free port.
import type { INestApplication } from '@nestjs/common';
import { Writable } from 'node:stream';
import { createLogger, type OffsetClock } from '@rtw/platform';
import { createHubApp, HUB_CLOCK, readConfig } from '@rtw/runtime';
import { kafkaBrokers, testDatabaseUrl, waitForReady } from '@rtw/testing';
import { TRACKER_APP } from '../tracker.app';

/** A tracker running in the test process. */
export interface RunningTracker {
  readonly app: INestApplication;
  readonly url: string;
  /** The tracker's clock: tests move it to pass deadlines. */
  readonly clock: OffsetClock;
  logs(): string;
  close(): Promise<void>;
}

/** Starts the tracker with test defaults overridden by `env`; resolves once it is ready. */
export async function startTracker(
  env: Record<string, string>,
  options: { waitReady?: boolean } = {},
): Promise<RunningTracker> {
  const environment = {
    NODE_ENV: 'test',
    DATABASE_URL: testDatabaseUrl(),
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_TOPIC_PARTITIONS: '3',
    BACKGROUND_RETRY_MAX_MS: '1000',
    ...env,
  };
  const config = readConfig(TRACKER_APP, environment);
  if (!config) throw new Error('test configuration refused');
  let logs = '';
  const destination = new Writable({
    write: (chunk, _encoding, done) => ((logs += chunk.toString()), done()),
  });
  const app = await createHubApp(
    TRACKER_APP,
    config,
    createLogger({ app: 'tracker', level: 'info', destination }),
  );
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  if (options.waitReady !== false) {
    try {
      await waitForReady(url);
    } catch (error) {
      await app.close();
      throw error;
    }
  }
  return {
    app,
    url,
    clock: app.get<OffsetClock>(HUB_CLOCK),
    logs: () => logs,
    close: () => app.close(),
  };
}
