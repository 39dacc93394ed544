import { Module } from '@nestjs/common';

/**
 * Keeps each dossier's legal state: applies the trajectory state machine to inbound events, keeps consent and relation registers and deadlines, and publishes accepted events on rtw.dossier.events.v1.
 * The foundation ships the process with its runtime (config, logs, health, metrics, supervised
 * Kafka and PostgreSQL connections); the capability itself arrives with its own issue.
 */
@Module({})
export class TrackerModule {}
