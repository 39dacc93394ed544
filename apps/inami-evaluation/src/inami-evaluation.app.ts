import type { HubAppDefinition } from '@rtw/runtime';
import { InamiEvaluationModule } from './inami-evaluation.module';

/** The inami-evaluation process: its name, feature module, port and dependencies. */
export const INAMI_EVALUATION_APP: HubAppDefinition = {
  app: 'inami-evaluation',
  feature: InamiEvaluationModule,
  port: { key: 'INAMI_EVALUATION_PORT', default: 3013 },
};
