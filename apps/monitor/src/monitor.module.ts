import { Module } from '@nestjs/common';

/**
 * Support teams' window: message timelines, consumer lag, dead-letter inspection and replay, alerts.
 * The foundation ships the process with its runtime (config, logs, health, metrics, supervised
 * Kafka and PostgreSQL connections); the capability itself arrives with its own issue.
 */
@Module({})
export class MonitorModule {}
