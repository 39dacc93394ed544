import type { HubAppDefinition } from '@rtw/runtime';
import { TrackerModule } from './tracker.module';

/** The tracker process: its name, feature module, port and dependencies. */
export const TRACKER_APP: HubAppDefinition = {
  app: 'tracker',
  feature: TrackerModule,
  port: { key: 'TRACKER_PORT', default: 3001 },
};
