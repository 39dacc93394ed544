// FOR TESTS ONLY: the regional connector started in-process on the real broker and a database of its own,
// ready (consumer joined, relay running) before the test goes on.
import { startInProcessApp, type InProcessApp } from '@rtw/testing';
import { REGIONAL_CONNECTOR_APP } from '../regional-connector.app';

/** A connector running in the test process. */
export type RunningConnector = InProcessApp;

/** Starts the connector on `DATABASE_URL` with a consumer group of its own. */
export function startRegionalConnector(env: {
  DATABASE_URL: string;
  REGIONAL_CONNECTOR_GROUP_ID: string;
}): Promise<RunningConnector> {
  return startInProcessApp(REGIONAL_CONNECTOR_APP, env, {
    components: ['dossier-events', 'outbox-relay'],
  });
}
