import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { purgeIdempotencyRecords } from '@rtw/ingress';
import type { Clock, Logger } from '@rtw/platform';
import {
  BackgroundSupervisor,
  DatabaseConnection,
  HUB_CLOCK,
  HUB_CONFIG,
  HUB_LOGGER,
  periodicJob,
} from '@rtw/runtime';
import type { GatewayConfig } from '../config/gateway.config';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Forgets accepted event ids older than GATEWAY_IDEMPOTENCY_RETENTION_DAYS (ADR 0032). A
 * supervised periodic job; safe with several gateways (each chunked DELETE is idempotent).
 */
@Injectable()
export class IdempotencyPurgeService implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    private readonly database: DatabaseConnection,
    private readonly supervisor: BackgroundSupervisor,
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    @Inject(HUB_CLOCK) private readonly clock: Clock,
    @Inject(HUB_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: IdempotencyPurgeService.name });
  }

  onApplicationBootstrap(): void {
    this.supervisor.supervise(
      periodicJob({
        name: 'job:idempotency-purge',
        everyMs: this.config.GATEWAY_IDEMPOTENCY_PURGE_MS,
        needs: ['database'],
        logger: this.logger,
        run: () => this.purge(),
      }),
    );
  }

  /** One purge of the records older than the configured window. */
  async purge(): Promise<void> {
    const windowMs = this.config.GATEWAY_IDEMPOTENCY_RETENTION_DAYS * DAY_MS;
    const before = new Date(this.clock.now().getTime() - windowMs);
    const purged = await purgeIdempotencyRecords(this.database.dataSource, { before });
    if (purged > 0) this.logger.info({ purged }, 'Forgot old idempotency records');
  }
}
