import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@rtw/platform';
import {
  BackgroundSupervisor,
  DatabaseConnection,
  HUB_CONFIG,
  HUB_LOGGER,
  periodicJob,
} from '@rtw/runtime';
import type { DeliveryConfig } from '../config/delivery.config';
import { purgeDeliveriesOfPurgedDossiers } from './purged-dossiers.purge';

/** Runs {@link purgeDeliveriesOfPurgedDossiers} as a supervised periodic job. */
@Injectable()
export class PurgedDossiersJob implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    private readonly supervisor: BackgroundSupervisor,
    private readonly database: DatabaseConnection,
    @Inject(HUB_CONFIG) private readonly config: DeliveryConfig,
    @Inject(HUB_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: PurgedDossiersJob.name });
  }

  onApplicationBootstrap(): void {
    this.supervisor.supervise(
      periodicJob({
        name: 'job:purged-dossiers',
        everyMs: this.config.DELIVERY_PURGE_SCAN_MS,
        needs: ['database'],
        logger: this.logger,
        run: async () => {
          const purged = await purgeDeliveriesOfPurgedDossiers(this.database.dataSource);
          if (purged > 0) this.logger.info({ purged }, 'Deleted the messages of purged dossiers');
        },
      }),
    );
  }
}
