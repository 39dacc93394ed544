import type { HubAppDefinition } from '@rtw/runtime';
import { CpmtConnectorModule } from './cpmt-connector.module';

/** The cpmt-connector process: its name, feature module, port and dependencies. */
export const CPMT_CONNECTOR_APP: HubAppDefinition = {
  app: 'cpmt-connector',
  feature: CpmtConnectorModule,
  port: { key: 'CPMT_CONNECTOR_PORT', default: 3010 },
};
