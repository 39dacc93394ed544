import { Inject, Injectable } from '@nestjs/common';
import { OUTBOX_ID_HEADER, OutboxRelay, type OutboxRelayOptions } from '@rtw/persistence';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER } from '../bootstrap/tokens';
import { DatabaseConnection } from '../database/database.connection';
import { KafkaConnection } from '../kafka/kafka.connection';
import { BackgroundSupervisor } from '../supervision/background.supervisor';

/** Component name of the relay in readiness and metrics. */
export const OUTBOX_RELAY_COMPONENT = 'outbox-relay';

/**
 * Runs the transactional outbox relay of an app that writes to the outbox, as a supervised
 * background component: it starts once the database is up (rows wait there while Kafka is away:
 * the relay claims none of them until the broker answers, ADR 0110, then retries publishing with
 * backoff) and stops gracefully, finishing its current batch, when the process stops. It
 * publishes each row once, even across a crash (ADR 0033).
 */
@Injectable()
export class OutboxRelayHost {
  private started = false;

  constructor(
    private readonly database: DatabaseConnection,
    private readonly kafka: KafkaConnection,
    private readonly supervisor: BackgroundSupervisor,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
  ) {}

  /** Declares the relay; options other than the data source and publisher. Idempotent. */
  start(
    options: Omit<
      OutboxRelayOptions,
      'dataSource' | 'publisher' | 'publicationCheck' | 'publisherAvailable'
    > = {},
  ): void {
    if (this.started) return;
    this.started = true;
    this.supervisor.supervise({
      name: OUTBOX_RELAY_COMPONENT,
      needs: ['database'],
      start: async () => {
        const relay = new OutboxRelay({
          logger: this.logger.child({ context: 'OutboxRelay' }),
          ...options,
          dataSource: this.database.dataSource,
          publisher: this.kafka.publisher,
          publicationCheck: this.kafka.publicationCheck(OUTBOX_ID_HEADER),
          publisherAvailable: () => this.kafka.reachable(),
        });
        relay.start();
        return { stop: () => relay.stop() };
      },
    });
  }
}
