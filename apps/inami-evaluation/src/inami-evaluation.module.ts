import { Module } from '@nestjs/common';

/**
 * Builds each insurer's annual, anonymised evaluation dataset for INAMI (XML).
 * The foundation ships the process with its runtime (config, logs, health, metrics, supervised
 * Kafka and PostgreSQL connections); the capability itself arrives with its own issue.
 */
@Module({})
export class InamiEvaluationModule {}
