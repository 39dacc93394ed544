// FOR TESTS ONLY: the CPMT connector started in-process on the real broker and a database of its own,
// ready (consumer joined, relay running) before the test goes on.
import { startInProcessApp, type InProcessApp } from '@rtw/testing';
import { CPMT_CONNECTOR_APP } from '../cpmt-connector.app';

/** A connector running in the test process. */
export type RunningConnector = InProcessApp;

/** Starts the connector on `DATABASE_URL` with a consumer group of its own. */
export function startCpmtConnector(env: {
  DATABASE_URL: string;
  CPMT_CONNECTOR_GROUP_ID: string;
}): Promise<RunningConnector> {
  return startInProcessApp(CPMT_CONNECTOR_APP, env, {
    components: ['dossier-events', 'outbox-relay'],
  });
}
