import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@rtw/platform';
import { BackgroundSupervisor, HUB_CONFIG, HUB_LOGGER, periodicJob } from '@rtw/runtime';
import type { InamiEvaluationConfig } from '../config/inami-evaluation.config';
import { DatasetScheduleService } from './dataset-schedule.service';

/** Component name of the yearly schedule in readiness and the job metrics. */
export const SCHEDULE_COMPONENT = 'job:inami-schedule';

/**
 * Runs the yearly schedule (ADR 0108) as a supervised periodic job (ADR 0027): visible in
 * readiness, its runs counted in `rtw_job_runs_total`, retried at the next check after a failure.
 * A daily-scale job that checks the date rather than a cron entry; safe with several instances.
 */
@Injectable()
export class DatasetScheduleJob implements OnApplicationBootstrap {
  constructor(
    @Inject(HUB_CONFIG) private readonly config: InamiEvaluationConfig,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
    private readonly supervisor: BackgroundSupervisor,
    private readonly schedule: DatasetScheduleService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.INAMI_SCHEDULE_ENABLED) return;
    this.supervisor.supervise(
      periodicJob({
        name: SCHEDULE_COMPONENT,
        everyMs: this.config.INAMI_SCHEDULE_CHECK_MS,
        needs: ['database'],
        logger: this.logger.child({ context: DatasetScheduleJob.name }),
        run: async () => void (await this.schedule.check()),
      }),
    );
  }
}
