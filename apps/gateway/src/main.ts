import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { GatewayModule } from './gateway.module';

void runHubApp({
  app: 'gateway',
  feature: GatewayModule,
  port: { key: 'GATEWAY_PORT', default: 3000 },
});
