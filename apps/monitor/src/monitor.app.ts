import type { HubAppDefinition } from '@rtw/runtime';
import { MonitorModule } from './monitor.module';
import { ALERTS_CONFIG_SPEC } from './alerts/alerts.config';
import { OVERVIEW_CONFIG_SPEC } from './overview/overview.config';

/** The monitor process: its name, feature module, port and dependencies. */
export const MONITOR_APP: HubAppDefinition = {
  app: 'monitor',
  feature: MonitorModule,
  port: { key: 'MONITOR_PORT', default: 3003 },
  configSpec: { ...OVERVIEW_CONFIG_SPEC, ...ALERTS_CONFIG_SPEC },
};
