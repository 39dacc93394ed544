import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { TrackerModule } from './tracker.module';

void runHubApp({
  app: 'tracker',
  feature: TrackerModule,
  port: { key: 'TRACKER_PORT', default: 3001 },
});
