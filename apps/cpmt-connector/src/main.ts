import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { CpmtConnectorModule } from './cpmt-connector.module';

void runHubApp({
  app: 'cpmt-connector',
  feature: CpmtConnectorModule,
  port: { key: 'CPMT_CONNECTOR_PORT', default: 3010 },
});
