import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { RegionalConnectorModule } from './regional-connector.module';

void runHubApp({
  app: 'regional-connector',
  feature: RegionalConnectorModule,
  port: { key: 'REGIONAL_CONNECTOR_PORT', default: 3012 },
});
