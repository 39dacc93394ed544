import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { DeliveryModule } from './delivery.module';

void runHubApp({
  app: 'delivery',
  feature: DeliveryModule,
  port: { key: 'DELIVERY_PORT', default: 3002 },
});
