import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { OutboxRelay, type OutboxRelayOptions } from '@rtw/persistence';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER } from '../bootstrap/tokens';
import { DatabaseConnection } from '../database/database.connection';
import { KafkaConnection } from '../kafka/kafka.connection';

/**
 * Runs the transactional outbox relay of an app that writes to the outbox: it starts once the
 * database is up (rows wait there while Kafka is away; the relay retries publishing with backoff)
 * and stops gracefully, finishing its current batch, when the process stops.
 */
@Injectable()
export class OutboxRelayHost implements OnModuleDestroy {
  private relay: OutboxRelay | undefined;
  private starting: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly database: DatabaseConnection,
    private readonly kafka: KafkaConnection,
    @Inject(HUB_LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts the relay once the database is up; options other than the data source and publisher. */
  start(options: Omit<OutboxRelayOptions, 'dataSource' | 'publisher'> = {}): Promise<void> {
    this.starting ??= this.database.ready().then((ready) => {
      if (!ready || this.stopped) return;
      this.relay = new OutboxRelay({
        logger: this.logger.child({ context: 'OutboxRelay' }),
        ...options,
        dataSource: this.database.dataSource,
        publisher: this.kafka.publisher,
      });
      this.relay.start();
    });
    return this.starting;
  }

  /** Finishes the current batch. Does not wait for a database that never came up. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.relay?.stop();
  }
}
