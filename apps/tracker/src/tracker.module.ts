import { Module } from '@nestjs/common';
import type { Clock, Logger } from '@rtw/platform';
import { DatabaseConnection, HUB_CLOCK, HUB_CONFIG, HUB_LOGGER } from '@rtw/runtime';
import type { TrackerConfig } from './config/tracker.config';
import { DeadlineJobs } from './deadlines/deadline-jobs.service';
import { DeadlineScheduler } from './deadlines/deadline.scheduler';
import { DeadlineStore } from './deadlines/deadline.store';
import { DossiersController } from './http/dossiers.controller';
import { OpenApiController } from './http/openapi.controller';
import { SupportGuard } from '@rtw/support-api';
import { DossierBatchService } from './processing/dossier-batch.service';
import { InboundConsumer } from './processing/inbound.consumer';
import { RegisterStore } from './registers/register.store';
import { RetentionJobs } from './retention/retention-jobs.service';
import { RetentionPurger } from './retention/retention.purger';
import { DossierStore } from './store/dossier.store';
import { TIMELINE_PROVIDERS } from './timeline/timeline.providers';

/**
 * Keeps each dossier's legal state: applies the trajectory rules to inbound events in batches,
 * stores accepted events and refusals, keeps the projection, the consent and relation registers
 * and the legal deadlines, and publishes accepted events on rtw.dossier.events.v1 and to the
 * insurer (ADR 0029); erases dossiers whose retention ended (ADR 0032); serves the dossiers and
 * their timelines to support (ADR 0031). Framework-free classes composed here.
 */
@Module({
  controllers: [DossiersController, OpenApiController],
  providers: [
    ...TIMELINE_PROVIDERS,
    SupportGuard,
    { provide: DossierStore, useValue: new DossierStore() },
    { provide: RegisterStore, useValue: new RegisterStore() },
    { provide: DeadlineStore, useValue: new DeadlineStore() },
    {
      provide: DossierBatchService,
      inject: [
        DatabaseConnection,
        DossierStore,
        RegisterStore,
        DeadlineStore,
        HUB_CLOCK,
        HUB_LOGGER,
      ],
      useFactory: (
        db: DatabaseConnection,
        dossiers: DossierStore,
        registers: RegisterStore,
        deadlines: DeadlineStore,
        clock: Clock,
        logger: Logger,
      ) =>
        new DossierBatchService({
          dataSource: db.dataSource,
          dossiers,
          registers,
          deadlines,
          clock,
          logger: logger.child({ context: 'DossierBatchService' }),
        }),
    },
    InboundConsumer,
    {
      provide: DeadlineScheduler,
      inject: [DatabaseConnection, HUB_CLOCK, HUB_CONFIG, HUB_LOGGER],
      useFactory: (db: DatabaseConnection, clock: Clock, config: TrackerConfig, logger: Logger) =>
        new DeadlineScheduler({
          dataSource: db.dataSource,
          clock,
          leadDays: config.TRACKER_DEADLINE_LEAD_DAYS,
          logger: logger.child({ context: 'DeadlineScheduler' }),
        }),
    },
    DeadlineJobs,
    {
      provide: RetentionPurger,
      inject: [DatabaseConnection, HUB_CLOCK, HUB_CONFIG, HUB_LOGGER],
      useFactory: (db: DatabaseConnection, clock: Clock, config: TrackerConfig, logger: Logger) =>
        new RetentionPurger({
          dataSource: db.dataSource,
          clock,
          batchSize: config.TRACKER_RETENTION_BATCH_SIZE,
          logger: logger.child({ context: 'RetentionPurger' }),
        }),
    },
    RetentionJobs,
  ],
})
export class TrackerModule {}
