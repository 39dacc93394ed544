import type { HubAppDefinition } from '@rtw/runtime';
import { CPMT_CONNECTOR_CONFIG_SPEC } from './connector/cpmt-connector.config';
import { CpmtConnectorModule } from './cpmt-connector.module';

/** The cpmt-connector process: its name, feature module, port and configuration. */
export const CPMT_CONNECTOR_APP: HubAppDefinition = {
  app: 'cpmt-connector',
  feature: CpmtConnectorModule,
  port: { key: 'CPMT_CONNECTOR_PORT', default: 3010 },
  configSpec: CPMT_CONNECTOR_CONFIG_SPEC,
};
