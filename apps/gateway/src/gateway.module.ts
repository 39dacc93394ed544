import { Module } from '@nestjs/common';

/**
 * The authenticated front door: insurers and partners submit events over HTTP or Kafka; they are checked and recorded on rtw.inbound.events.v1.
 * The foundation ships the process with its runtime (config, logs, health, metrics, supervised
 * Kafka and PostgreSQL connections); the capability itself arrives with its own issue.
 */
@Module({})
export class GatewayModule {}
