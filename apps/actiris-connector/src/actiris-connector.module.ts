import { Module } from '@nestjs/common';

/**
 * Builds Actiris registration forms (FIA, XML) from accepted dossier events for Brussels residents.
 * The foundation ships the process with its runtime (config, logs, health, metrics, supervised
 * Kafka and PostgreSQL connections); the capability itself arrives with its own issue.
 */
@Module({})
export class ActirisConnectorModule {}
