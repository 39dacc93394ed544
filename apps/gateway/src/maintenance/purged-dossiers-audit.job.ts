import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from '@rtw/platform';
import {
  BackgroundSupervisor,
  DatabaseConnection,
  HUB_CONFIG,
  HUB_LOGGER,
  periodicJob,
} from '@rtw/runtime';
import type { GatewayConfig } from '../config/gateway.config';
import { purgeAuditOfPurgedDossiers } from './purged-dossiers-audit.purge';

/** Runs {@link purgeAuditOfPurgedDossiers} as a supervised periodic job. */
@Injectable()
export class PurgedDossiersAuditJob implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    private readonly database: DatabaseConnection,
    private readonly supervisor: BackgroundSupervisor,
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    @Inject(HUB_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: PurgedDossiersAuditJob.name });
  }

  onApplicationBootstrap(): void {
    this.supervisor.supervise(
      periodicJob({
        name: 'job:audit-purge',
        everyMs: this.config.GATEWAY_AUDIT_PURGE_MS,
        needs: ['database'],
        logger: this.logger,
        run: async () => {
          const purged = await purgeAuditOfPurgedDossiers(this.database.dataSource);
          if (purged > 0) this.logger.info({ purged }, 'Deleted the audit rows of purged dossiers');
        },
      }),
    );
  }
}
