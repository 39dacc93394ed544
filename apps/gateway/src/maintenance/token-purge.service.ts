import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PostgresTokenReplayGuard } from '@rtw/ingress';
import type { Logger } from '@rtw/platform';
import { BackgroundSupervisor, HUB_CONFIG, HUB_LOGGER, periodicJob } from '@rtw/runtime';
import type { GatewayConfig } from '../config/gateway.config';

const PURGE_EVERY_MS = 5 * 60 * 1000;

/**
 * Deletes the ids of expired tokens now and then: past their expiry they can never be replayed.
 * A supervised periodic job; safe with several gateways (each DELETE is idempotent).
 */
@Injectable()
export class TokenPurgeService implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    private readonly guard: PostgresTokenReplayGuard,
    private readonly supervisor: BackgroundSupervisor,
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    @Inject(HUB_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: TokenPurgeService.name });
  }

  onApplicationBootstrap(): void {
    this.supervisor.supervise(
      periodicJob({
        name: 'job:token-purge',
        everyMs: PURGE_EVERY_MS,
        needs: ['database'],
        logger: this.logger,
        run: () => this.purge(),
      }),
    );
  }

  /** One purge; keeps a margin of the clock tolerance (a token is accepted that long after expiry). */
  async purge(): Promise<void> {
    const purged = await this.guard.purgeExpired(this.config.GATEWAY_JWT_CLOCK_TOLERANCE_S + 60);
    if (purged > 0) this.logger.info({ purged }, 'Purged expired token ids');
  }
}
