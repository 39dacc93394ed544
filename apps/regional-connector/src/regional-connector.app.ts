import { connectorConfigSpec } from '@rtw/connector';
import type { HubAppDefinition } from '@rtw/runtime';
import { RegionalConnectorModule } from './regional-connector.module';

/** The regional-connector process: its name, feature module, port and configuration. */
export const REGIONAL_CONNECTOR_APP: HubAppDefinition = {
  app: 'regional-connector',
  feature: RegionalConnectorModule,
  port: { key: 'REGIONAL_CONNECTOR_PORT', default: 3012 },
  configSpec: connectorConfigSpec('regional-connector'),
};
