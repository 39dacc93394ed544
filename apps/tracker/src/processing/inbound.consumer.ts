import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { RetryPolicy } from '@rtw/messaging';
import { retriableOnOutage } from '@rtw/persistence';
import { isRetriable } from '@rtw/platform';
import { HUB_CONFIG, KafkaConnection, OutboxRelayHost } from '@rtw/runtime';
import type { TrackerConfig } from '../config/tracker.config';
import { DossierBatchService } from './dossier-batch.service';

// A database outage must not dead-letter inbound events: retry the batch for minutes, in place
// (the partition waits, per-dossier order holds), while readiness reports the database down.
const OUTAGE_RETRY: RetryPolicy = {
  type: 'retry',
  attempts: 30,
  backoff: { initialMs: 250, maxMs: 15_000, multiplier: 2, jitter: 0.2 },
};

/**
 * The tracker's consumer of `rtw.inbound.events.v1`, in batch mode: each fetched batch of a
 * partition is applied in one transaction and its offsets committed after that (ADR 0029).
 * Several tracker instances share the partitions through the consumer group.
 */
@Injectable()
export class InboundConsumer implements OnApplicationBootstrap {
  constructor(
    @Inject(HUB_CONFIG) private readonly config: TrackerConfig,
    private readonly kafka: KafkaConnection,
    private readonly relay: OutboxRelayHost,
    private readonly batches: DossierBatchService,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
    this.kafka.consume({
      groupId: this.config.TRACKER_GROUP_ID,
      topics: [this.config.TRACKER_INBOUND_TOPIC],
      batchHandler: (records) =>
        retriableOnOutage(() => this.batches.process(records.map((record) => record.event))).then(
          () => undefined,
        ),
      partitionsConsumedConcurrently: this.config.TRACKER_PARTITIONS_CONCURRENCY,
      retryPolicy: (error) => (isRetriable(error) ? OUTAGE_RETRY : { type: 'dead-letter' }),
    });
  }
}
