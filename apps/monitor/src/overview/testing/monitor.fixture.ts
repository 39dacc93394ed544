import type { INestApplication } from '@nestjs/common';
import { createLogger } from '@rtw/platform';
import { createHubApp, readConfig } from '@rtw/runtime';
import { createTestTrust } from '@rtw/testing';
import { AlertsService } from '../../alerts/alerts.service';
import type { AlertsAnswer } from '../../alerts/alert.types';
import { MONITOR_APP } from '../../monitor.app';
import { OverviewService } from '../overview.service';
import type { Overview } from '../overview.types';

/**
 * What the monitor requires to start at all (ADR 0090-0092): its OpenID client and session
 * secrets and the key it signs support tokens with. These tests read the figures, not the login.
 */
async function consoleEnv(): Promise<Record<string, string>> {
  const trust = await createTestTrust({
    organisations: [{ kind: 'support', code: 'hub-support' }],
  });
  return {
    MONITOR_OIDC_CLIENT_SECRET: 'development-only-monitor-oidc-client-secret-tests',
    MONITOR_SESSION_SECRET: 'development-only-monitor-session-secret-for-tests',
    MONITOR_SUPPORT_SIGNING_KEYS_FILE: trust.signingKeysFile,
  };
}

/** Starts the monitor in the test process on `port` with the given environment. */
export async function startMonitorOn(
  port: number,
  env: Record<string, string>,
): Promise<INestApplication> {
  const config = readConfig(MONITOR_APP, {
    NODE_ENV: 'test',
    BACKGROUND_RETRY_MAX_MS: '1000',
    MONITOR_PORT: String(port),
    ...(await consoleEnv()),
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

/**
 * The overview and the alerts as the hub operator's staff see them (every insurer). Read through
 * the services behind `GET /v1/overview` and `GET /v1/alerts`: over HTTP those need a console
 * session, which the browser test (test/monitor/console.e2e-spec.ts) logs in for.
 */
export function overviewOf(app: INestApplication): Overview {
  return app.get(OverviewService).overview({ insurer: null });
}

export function alertsOf(app: INestApplication): AlertsAnswer {
  return app.get(AlertsService).alerts({ insurer: null });
}
