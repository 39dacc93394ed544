import { Module } from '@nestjs/common';

/**
 * Builds the referral forms of VDAB (AMF), Le Forem (FIF) and ADG (IFA) for the competent regional service.
 * The foundation ships the process with its runtime (config, logs, health, metrics, supervised
 * Kafka and PostgreSQL connections); the capability itself arrives with its own issue.
 */
@Module({})
export class RegionalConnectorModule {}
