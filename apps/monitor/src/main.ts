import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { MonitorModule } from './monitor.module';

void runHubApp({
  app: 'monitor',
  feature: MonitorModule,
  port: { key: 'MONITOR_PORT', default: 3003 },
});
