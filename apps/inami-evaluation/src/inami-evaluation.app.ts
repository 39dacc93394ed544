import { INSURERS } from '@rtw/domain';
import { buildTopology } from '@rtw/messaging';
import type { HubAppDefinition } from '@rtw/runtime';
import { inamiEvaluationConfigSpec } from './config/inami-evaluation.config';
import { InamiEvaluationModule } from './inami-evaluation.module';

/** The inami-evaluation process for a given environment (the secret rule reads NODE_ENV from it). */
export function inamiEvaluationApp(environment: NodeJS.ProcessEnv = process.env): HubAppDefinition {
  return {
    app: 'inami-evaluation',
    feature: InamiEvaluationModule,
    port: { key: 'INAMI_EVALUATION_PORT', default: 3013 },
    configSpec: inamiEvaluationConfigSpec(environment),
    // The schedule's reminders go to each insurer's notification topic (ADR 0108): created at
    // boot like the tracker's, so the relay never meets a missing topic.
    topology: (config) =>
      buildTopology({
        partitions: config.KAFKA_TOPIC_PARTITIONS,
        insurerCodes: INSURERS.filter((insurer) => insurer.sendsTrajectoryData).map(
          (insurer) => insurer.code,
        ),
      }),
  };
}

/** The inami-evaluation process: its name, feature module, port and configuration. */
export const INAMI_EVALUATION_APP: HubAppDefinition = inamiEvaluationApp(process.env);
