import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Clock, Logger } from '@rtw/platform';
import { pruneProcessedEvents } from '@rtw/persistence';
import {
  BackgroundSupervisor,
  DatabaseConnection,
  HUB_CLOCK,
  HUB_CONFIG,
  HUB_LOGGER,
  periodicJob,
} from '@rtw/runtime';
import type { TrackerConfig } from '../config/tracker.config';
import { RetentionPurger } from './retention.purger';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The tracker's housekeeping as supervised periodic jobs (visible in readiness and metrics, safe
 * with several instances): the retention purge of dossiers, and the purge of old keys of the
 * shared processed-events inbox (ADR 0032).
 */
@Injectable()
export class RetentionJobs implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: TrackerConfig,
    @Inject(HUB_LOGGER) logger: Logger,
    @Inject(HUB_CLOCK) private readonly clock: Clock,
    private readonly supervisor: BackgroundSupervisor,
    private readonly database: DatabaseConnection,
    private readonly purger: RetentionPurger,
  ) {
    this.logger = logger.child({ context: RetentionJobs.name });
  }

  onApplicationBootstrap(): void {
    this.supervisor.supervise(
      periodicJob({
        name: 'job:retention-purge',
        everyMs: this.config.TRACKER_RETENTION_SCAN_MS,
        needs: ['database'],
        logger: this.logger,
        run: async (signal) => void (await this.purger.purge(signal)),
      }),
    );
    this.supervisor.supervise(
      periodicJob({
        name: 'job:processed-events-purge',
        everyMs: this.config.TRACKER_PROCESSED_PURGE_MS,
        needs: ['database'],
        logger: this.logger,
        run: async () => {
          const windowMs = this.config.TRACKER_PROCESSED_RETENTION_DAYS * DAY_MS;
          const before = new Date(this.clock.now().getTime() - windowMs);
          const deleted = await pruneProcessedEvents(this.database.dataSource, { before });
          if (deleted > 0) this.logger.info({ deleted }, 'Forgot old processed-event keys');
        },
      }),
    );
  }
}
