import { Module } from '@nestjs/common';

/**
 * Simulates the partner organisations' systems (CPMT services, Actiris, VDAB, Le Forem, ADG, INAMI) for end-to-end runs; partners are not reachable from here.
 * The foundation ships the process with its runtime (config, logs, health, metrics, supervised
 * Kafka and PostgreSQL connections); the capability itself arrives with its own issue.
 */
@Module({})
export class PartnerSandboxModule {}
