import type { HubAppDefinition } from '@rtw/runtime';
import { ActirisConnectorModule } from './actiris-connector.module';

/** The actiris-connector process: its name, feature module, port and dependencies. */
export const ACTIRIS_CONNECTOR_APP: HubAppDefinition = {
  app: 'actiris-connector',
  feature: ActirisConnectorModule,
  port: { key: 'ACTIRIS_CONNECTOR_PORT', default: 3011 },
};
