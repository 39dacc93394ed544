import { INSURERS } from '@rtw/domain';
import { buildTopology } from '@rtw/messaging';
import type { HubAppDefinition } from '@rtw/runtime';
import { TRACKER_CONFIG_SPEC } from './config/tracker.config';
import { TrackerModule } from './tracker.module';

/** The tracker process: its name, feature module, port, configuration and topics. */
export const TRACKER_APP: HubAppDefinition = {
  app: 'tracker',
  feature: TrackerModule,
  port: { key: 'TRACKER_PORT', default: 3001 },
  configSpec: TRACKER_CONFIG_SPEC,
  // Every insurer that runs trajectories gets its notification topic (reference data, not code).
  topology: (config) =>
    buildTopology({
      partitions: config.KAFKA_TOPIC_PARTITIONS,
      insurerCodes: INSURERS.filter((insurer) => insurer.sendsTrajectoryData).map(
        (insurer) => insurer.code,
      ),
    }),
};
