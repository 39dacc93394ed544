import type { INestApplication } from '@nestjs/common';
import { createLogger } from '@rtw/platform';
import { createHubApp, readConfig } from '@rtw/runtime';
import { MONITOR_APP } from '../../monitor.app';

/** Starts the monitor in the test process on `port` with the given environment. */
export async function startMonitorOn(
  port: number,
  env: Record<string, string>,
): Promise<INestApplication> {
  const config = readConfig(MONITOR_APP, {
    NODE_ENV: 'test',
    BACKGROUND_RETRY_MAX_MS: '1000',
    MONITOR_PORT: String(port),
    ...env,
  });
  if (!config) throw new Error('test configuration refused');
  const app = await createHubApp(
    MONITOR_APP,
    config,
    createLogger({ app: 'monitor', level: 'fatal' }),
  );
  await app.listen(port, '127.0.0.1');
  return app;
}

/** GET a monitor route's JSON, expecting 200. */
export async function monitorJson<T>(baseUrl: string, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`);
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}
