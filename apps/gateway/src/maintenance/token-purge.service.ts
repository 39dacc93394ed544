import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { PostgresTokenReplayGuard } from '@rtw/ingress';
import type { Logger } from '@rtw/platform';
import { HUB_CONFIG, HUB_LOGGER } from '@rtw/runtime';
import type { GatewayConfig } from '../config/gateway.config';

const PURGE_EVERY_MS = 5 * 60 * 1000;

/** Deletes the ids of expired tokens now and then: past their expiry they can never be replayed. */
@Injectable()
export class TokenPurgeService implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly guard: PostgresTokenReplayGuard,
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async purge(): Promise<void> {
    try {
      // Keep a margin of the clock tolerance: a token is accepted that long after its expiry.
      const purged = await this.guard.purgeExpired(this.config.GATEWAY_JWT_CLOCK_TOLERANCE_S + 60);
      if (purged > 0)
        this.logger.info({ context: TokenPurgeService.name, purged }, 'Purged expired token ids');
    } catch (error) {
      this.logger.warn(
        { context: TokenPurgeService.name, err: error },
        'Purging expired token ids failed; will retry',
      );
    }
  }
}
