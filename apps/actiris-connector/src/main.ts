import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { ActirisConnectorModule } from './actiris-connector.module';

void runHubApp({
  app: 'actiris-connector',
  feature: ActirisConnectorModule,
  port: { key: 'ACTIRIS_CONNECTOR_PORT', default: 3011 },
});
