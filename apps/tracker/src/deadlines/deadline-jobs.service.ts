import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@rtw/platform';
import { BackgroundSupervisor, HUB_CONFIG, HUB_LOGGER, periodicJob } from '@rtw/runtime';
import type { TrackerConfig } from '../config/tracker.config';
import { DeadlineScheduler } from './deadline.scheduler';

/** Runs the deadline scan as a supervised periodic job (safe with several tracker instances). */
@Injectable()
export class DeadlineJobs implements OnApplicationBootstrap {
  constructor(
    @Inject(HUB_CONFIG) private readonly config: TrackerConfig,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
    private readonly supervisor: BackgroundSupervisor,
    private readonly scheduler: DeadlineScheduler,
  ) {}

  onApplicationBootstrap(): void {
    this.supervisor.supervise(
      periodicJob({
        name: 'job:deadlines',
        everyMs: this.config.TRACKER_DEADLINE_SCAN_MS,
        needs: ['database'],
        logger: this.logger.child({ context: 'DeadlineScheduler' }),
        run: async () => void (await this.scheduler.scan()),
      }),
    );
  }
}
