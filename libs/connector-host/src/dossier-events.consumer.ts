import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  ConnectorError,
  ConnectorProcessor,
  connectorRetryPolicy,
  connectorGroupId,
  connectorTopology,
} from '@rtw/connector';
import { TOPICS } from '@rtw/messaging';
import { PartnerContracts } from '@rtw/partners';
import type { Clock, Logger } from '@rtw/platform';
import {
  BackgroundSupervisor,
  DatabaseConnection,
  HUB_CLOCK,
  HUB_CONFIG,
  HUB_LOGGER,
  KafkaConnection,
  OutboxRelayHost,
  periodicJob,
} from '@rtw/runtime';
import type { ConnectorAppConfig } from './connector.providers';

/** Component name of the consumer of accepted dossier events in readiness and metrics. */
export const DOSSIER_EVENTS_COMPONENT = 'dossier-events';

const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Declares the connector's background work to the runtime: the consumer of rtw.dossier.events.v1
 * (its own group, batch mode), the outbox relay that publishes what it prepared, and the job that
 * forgets old handled-event keys. The runtime supervises all three and reports them in readiness.
 */
@Injectable()
export class DossierEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: ConnectorAppConfig,
    @Inject(HUB_LOGGER) logger: Logger,
    @Inject(HUB_CLOCK) private readonly clock: Clock,
    private readonly kafka: KafkaConnection,
    private readonly database: DatabaseConnection,
    private readonly relay: OutboxRelayHost,
    private readonly supervisor: BackgroundSupervisor,
    private readonly processor: ConnectorProcessor,
    private readonly partnerContracts: PartnerContracts,
  ) {
    this.logger = logger.child({ context: DossierEventsConsumer.name });
  }

  onApplicationBootstrap(): void {
    this.kafka.consume({
      name: DOSSIER_EVENTS_COMPONENT,
      groupId: connectorGroupId(this.config),
      topics: [TOPICS.dossierEvents],
      batchHandler: this.processor.handleBatch,
      // Every batch is one transaction, and insurers' topics must exist before the relay writes
      // a notice: start consuming only with both in place.
      prepare: async () => {
        if (!(await this.database.ready())) throw stopping();
        await this.kafka.ensureTopology(connectorTopology(this.config.KAFKA_TOPIC_PARTITIONS));
      },
      retryPolicy: connectorRetryPolicy,
      partitionsConsumedConcurrently: 3,
      logger: this.logger,
    });
    this.relay.start();
    this.supervisor.supervise(
      periodicJob({
        name: 'job:processed-events-purge',
        everyMs: PURGE_EVERY_MS,
        initialDelayMs: 60_000,
        needs: ['database'],
        logger: this.logger,
        run: async () => {
          const retentionMs = this.config.CONNECTOR_PROCESSED_RETENTION_DAYS * DAY_MS;
          const before = new Date(this.clock.now().getTime() - retentionMs);
          const deleted = await this.processor.pruneProcessed(before);
          if (deleted > 0) this.logger.info({ deleted }, 'forgot old handled-event keys');
        },
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.partnerContracts.dispose();
  }
}

function stopping(): ConnectorError {
  return new ConnectorError({
    code: 'CONNECTOR_DATABASE_UNAVAILABLE',
    message: 'the process stopped before the database was connected',
  });
}
