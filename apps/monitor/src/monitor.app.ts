import type { HubAppDefinition } from '@rtw/runtime';
import { monitorConfigSpec } from './config/monitor.config';
import { MonitorModule } from './monitor.module';
import { ALERTS_CONFIG_SPEC } from './alerts/alerts.config';
import { OVERVIEW_CONFIG_SPEC } from './overview/overview.config';

/** The monitor process for a given environment (the secret rules read NODE_ENV from it). */
export function monitorApp(environment: NodeJS.ProcessEnv = process.env): HubAppDefinition {
  return {
    app: 'monitor',
    feature: MonitorModule,
    port: { key: 'MONITOR_PORT', default: 3003 },
    configSpec: {
      ...monitorConfigSpec(environment),
      ...OVERVIEW_CONFIG_SPEC,
      ...ALERTS_CONFIG_SPEC,
    },
    // PostgreSQL holds the console's audit log; Kafka is for the overview's figures.
    database: true,
  };
}

/** The monitor process: its name, feature module, port and configuration. */
export const MONITOR_APP: HubAppDefinition = monitorApp(process.env);
