import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HUB_CONFIG, OutboxRelayHost } from '@rtw/runtime';
import type { GatewayConfig } from '../config/gateway.config';

/**
 * Starts the runtime's outbox relay, which publishes the accepted events (committed outbox rows)
 * to Kafka; while Kafka is away the rows wait and the relay backs off (ADR 0021).
 */
@Injectable()
export class OutboxRelayStarter implements OnApplicationBootstrap {
  constructor(
    @Inject(HUB_CONFIG) private readonly config: GatewayConfig,
    private readonly relay: OutboxRelayHost,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.GATEWAY_OUTBOX_RELAY) this.relay.start();
  }
}
