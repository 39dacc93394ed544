import { Module } from '@nestjs/common';
import { DATASET_PROVIDERS } from './dataset/dataset.providers';

/**
 * Builds each insurer's annual, anonymised evaluation dataset for INAMI (ADR 0080): the builder
 * reads the tracker's event store and streams the dataset as XML and JSON. Freezing, delivery,
 * the report, the CLI and the January schedule arrive with the rest of issue 11.
 */
@Module({ providers: [...DATASET_PROVIDERS] })
export class InamiEvaluationModule {}
