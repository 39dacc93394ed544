import { Module } from '@nestjs/common';
import type { Clock, Logger } from '@rtw/platform';
import { DatabaseConnection, HUB_CLOCK, HUB_LOGGER } from '@rtw/runtime';
import { SubjectAccessController } from './subject-access.controller';
import { SubjectAccessService } from './subject-access.service';

/**
 * The subject access report (ADR 0097, 0104): the service on the hub's records and the console's
 * privacy-officer route, behind the monitor's global guard like every other route.
 */
@Module({
  controllers: [SubjectAccessController],
  providers: [
    {
      provide: SubjectAccessService,
      inject: [DatabaseConnection, HUB_CLOCK, HUB_LOGGER],
      useFactory: (database: DatabaseConnection, clock: Clock, logger: Logger) =>
        new SubjectAccessService({
          dataSource: database.dataSource,
          clock,
          logger: logger.child({ context: 'SubjectAccess' }),
        }),
    },
  ],
  exports: [SubjectAccessService],
})
export class SubjectAccessModule {}
