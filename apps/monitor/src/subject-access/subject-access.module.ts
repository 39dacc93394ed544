import { Module } from '@nestjs/common';
import type { Clock } from '@rtw/platform';
import { DatabaseConnection, HUB_CLOCK } from '@rtw/runtime';
import { SubjectAccessService } from './subject-access.service';

/**
 * The subject access report service (ADR 0097), for the console's privacy-officer screen: the
 * lead's controller passes the session's organisation, `sub` and roles as the requester.
 */
@Module({
  providers: [
    {
      provide: SubjectAccessService,
      inject: [DatabaseConnection, HUB_CLOCK],
      useFactory: (database: DatabaseConnection, clock: Clock) =>
        new SubjectAccessService({ dataSource: database.dataSource, clock }),
    },
  ],
  exports: [SubjectAccessService],
})
export class SubjectAccessModule {}
