import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { SupportGuard } from '@rtw/support-api';
import { DATASET_PROVIDERS } from './dataset/dataset.providers';
import { DatasetsController, OpenApiController } from './http/datasets.controller';
import { HTTP_PROVIDERS } from './http/http.providers';
import { ProblemFilter } from './http/problem.filter';
import { SCHEDULE_PROVIDERS } from './schedule/schedule.providers';
import { SUBMISSION_PROVIDERS } from './submission/submission.providers';
import { VERSIONS_PROVIDERS } from './versions/versions.providers';

/**
 * Builds each insurer's annual, anonymised evaluation dataset for INAMI (ADR 0080): the builder
 * reads the tracker's event store and streams the dataset as XML and JSON; versions are built as a
 * dry run or frozen, immutable, in PostgreSQL (ADR 0081), and submitted to INAMI through delivery
 * (ADR 0082); a yearly schedule builds the previous year's draft in January and reminds each insurer
 * until INAMI acknowledges a version (ADR 0108).
 */
@Module({
  controllers: [DatasetsController, OpenApiController],
  providers: [
    ...DATASET_PROVIDERS,
    ...VERSIONS_PROVIDERS,
    ...SUBMISSION_PROVIDERS,
    ...SCHEDULE_PROVIDERS,
    ...HTTP_PROVIDERS,
    SupportGuard,
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class InamiEvaluationModule {}
