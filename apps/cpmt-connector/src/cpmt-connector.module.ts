import { Module } from '@nestjs/common';

/**
 * Translates CPMT referrals into the CPMT contract, keeping only the fields the occupational physician may receive.
 * The foundation ships the process with its runtime (config, logs, health, metrics, supervised
 * Kafka and PostgreSQL connections); the capability itself arrives with its own issue.
 */
@Module({})
export class CpmtConnectorModule {}
