import 'reflect-metadata';
import { runHubApp } from '@rtw/runtime';
import { InamiEvaluationModule } from './inami-evaluation.module';

void runHubApp({
  app: 'inami-evaluation',
  feature: InamiEvaluationModule,
  port: { key: 'INAMI_EVALUATION_PORT', default: 3013 },
});
