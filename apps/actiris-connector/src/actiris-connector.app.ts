import { connectorConfigSpec } from '@rtw/connector';
import type { HubAppDefinition } from '@rtw/runtime';
import { ActirisConnectorModule } from './actiris-connector.module';

/** The actiris-connector process: its name, feature module, port and configuration. */
export const ACTIRIS_CONNECTOR_APP: HubAppDefinition = {
  app: 'actiris-connector',
  feature: ActirisConnectorModule,
  port: { key: 'ACTIRIS_CONNECTOR_PORT', default: 3011 },
  configSpec: connectorConfigSpec('actiris-connector'),
};
