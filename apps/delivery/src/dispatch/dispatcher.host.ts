import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Clock, Logger } from '@rtw/platform';
import { ChannelListener } from '@rtw/persistence';
import { BackgroundSupervisor, HUB_CLOCK, HUB_CONFIG, HUB_LOGGER } from '@rtw/runtime';
import type { DeliveryConfig } from '../config/delivery.config';
import { PartnerDirectory } from '../directory/partner.directory';
import { DELIVERY_NOTIFY_CHANNEL, DeliveryQueue } from '../queue/delivery.queue';
import { AttemptRunner } from './attempt.runner';
import { DeliveryDispatcher } from './delivery.dispatcher';
import { DeliveryGate } from './delivery.gate';
import { PartnerClient } from './partner.client';
import { ResilienceRegistry } from './resilience.registry';

/** Component name of the dispatcher in readiness and metrics. */
export const DISPATCHER_COMPONENT = 'delivery-dispatcher';

/**
 * Runs the dispatcher as a supervised background component: it starts once the database is up
 * (messages wait in PostgreSQL meanwhile), is restarted if it fails to start, and stops
 * gracefully with the process (requests in flight aborted, their messages released).
 */
@Injectable()
export class DispatcherHost implements OnApplicationBootstrap, OnApplicationShutdown {
  /** This process's lease owner id: a claim by a crashed process expires, never blocks. */
  readonly owner = `delivery-${randomUUID()}`;
  private dispatcher: DeliveryDispatcher | undefined;
  private readonly logger: Logger;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: DeliveryConfig,
    @Inject(HUB_LOGGER) logger: Logger,
    @Inject(HUB_CLOCK) private readonly clock: Clock,
    private readonly supervisor: BackgroundSupervisor,
    private readonly queue: DeliveryQueue,
    private readonly directory: PartnerDirectory,
    private readonly gate: DeliveryGate,
    private readonly client: PartnerClient,
    readonly resilience: ResilienceRegistry,
  ) {
    this.logger = logger.child({ context: 'DeliveryDispatcher' });
  }

  onApplicationBootstrap(): void {
    this.supervisor.supervise({
      name: DISPATCHER_COMPONENT,
      needs: ['database'],
      start: async () => {
        const listener = new ChannelListener({
          url: this.config.DATABASE_URL,
          channel: DELIVERY_NOTIFY_CHANNEL,
          applicationName: 'rtw-delivery-listener',
          label: 'Delivery listener',
          onNotify: () => this.dispatcher?.nudge(),
          logger: this.logger,
        });
        const dispatcher = new DeliveryDispatcher({
          queue: this.queue,
          directory: this.directory,
          resilience: this.resilience,
          runner: new AttemptRunner({
            queue: this.queue,
            gate: this.gate,
            client: this.client,
            clock: this.clock,
            logger: this.logger,
            owner: this.owner,
          }),
          clock: this.clock,
          logger: this.logger,
          owner: this.owner,
          pollIntervalMs: this.config.DELIVERY_POLL_INTERVAL_MS,
          leaseMarginMs: this.config.DELIVERY_LEASE_MARGIN_MS,
          beforeRound: () => listener.ensureListening(),
        });
        // A round proves the queue is reachable before the component counts as running.
        await dispatcher.round();
        dispatcher.start();
        this.dispatcher = dispatcher;
        return {
          stop: async () => {
            await dispatcher.stop();
            await listener.close();
          },
        };
      },
    });
  }

  /** Wakes the dispatcher of this process (the API re-queued messages). */
  nudge(): void {
    this.dispatcher?.nudge();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
