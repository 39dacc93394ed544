import { Module } from '@nestjs/common';

/**
 * Delivers partner messages from rtw.outbound.<partner>.v1 over HTTP with retries, signatures, circuit breaking and a dead-letter topic; writes receipts.
 * The foundation ships the process with its runtime (config, logs, health, metrics, supervised
 * Kafka and PostgreSQL connections); the capability itself arrives with its own issue.
 */
@Module({})
export class DeliveryModule {}
