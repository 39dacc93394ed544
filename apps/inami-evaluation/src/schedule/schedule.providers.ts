import type { Provider } from '@nestjs/common';
import { ContractRegistry } from '@rtw/contracts';
import { OutboxWriter } from '@rtw/persistence';
import type { Clock, Logger } from '@rtw/platform';
import { DatabaseConnection, HUB_CLOCK, HUB_CONFIG, HUB_LOGGER } from '@rtw/runtime';
import type { InamiEvaluationConfig } from '../config/inami-evaluation.config';
import { DatasetVersionsRepository } from '../versions/dataset-versions.repository';
import { DatasetVersionsService } from '../versions/dataset-versions.service';
import { DatasetScheduleJob } from './dataset-schedule.job';
import { DatasetScheduleRepository } from './dataset-schedule.repository';
import { DatasetScheduleService } from './dataset-schedule.service';

/** The yearly schedule's parts (ADR 0108), composed once per process. */
export const SCHEDULE_PROVIDERS: Provider[] = [
  {
    provide: DatasetScheduleService,
    inject: [
      HUB_CONFIG,
      HUB_LOGGER,
      HUB_CLOCK,
      DatabaseConnection,
      DatasetVersionsRepository,
      DatasetVersionsService,
      ContractRegistry,
    ],
    useFactory: (
      config: InamiEvaluationConfig,
      logger: Logger,
      clock: Clock,
      db: DatabaseConnection,
      versions: DatasetVersionsRepository,
      builds: DatasetVersionsService,
      contracts: ContractRegistry,
    ) =>
      new DatasetScheduleService({
        dataSource: db.dataSource,
        schedule: new DatasetScheduleRepository(db.dataSource),
        versions,
        builds,
        contracts,
        outbox: new OutboxWriter(),
        clock,
        settings: {
          startDay: config.INAMI_SCHEDULE_START_DAY,
          everyDays: config.INAMI_REMINDER_EVERY_DAYS,
        },
        logger: logger.child({ context: DatasetScheduleService.name }),
      }),
  },
  DatasetScheduleJob,
];
