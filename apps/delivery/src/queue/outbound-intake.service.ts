import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ContractRegistry } from '@rtw/contracts';
import {
  PARTNERS,
  type BatchRecord,
  type CloudEvent,
  type HandlerContext,
  type RetryPolicy,
} from '@rtw/messaging';
import { type Clock, type Logger } from '@rtw/platform';
import { retriableOnOutage } from '@rtw/persistence';
import { HUB_CLOCK, HUB_CONFIG, HUB_LOGGER, KafkaConnection } from '@rtw/runtime';
import type { DeliveryConfig } from '../config/delivery.config';
import { DeliveryQueue } from './delivery.queue';
import { outboundTopic, outboundTopology, partnerOfOutboundTopic } from './outbound.topics';
import { checkPreparedMessage } from './prepared-message.check';

/** Component name of the intake consumer in readiness and metrics. */
export const INTAKE_COMPONENT = 'delivery-intake';

// A database outage must not dead-letter partner messages: retry in place for minutes.
const OUTAGE_RETRY: RetryPolicy = {
  type: 'retry',
  attempts: 20,
  backoff: { initialMs: 500, maxMs: 30_000, multiplier: 2, jitter: 0.2 },
};

/**
 * Reads every `rtw.outbound.<partner>.v1` topic (a consumer the runtime supervises) and puts each
 * partner message in the durable queue, idempotent on its id, before the offset is committed.
 * A record that can never be a partner message goes to `<topic>.dlq` with the reason.
 */
@Injectable()
export class OutboundIntakeService implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: DeliveryConfig,
    @Inject(HUB_LOGGER) logger: Logger,
    @Inject(HUB_CLOCK) private readonly clock: Clock,
    private readonly kafka: KafkaConnection,
    private readonly contracts: ContractRegistry,
    private readonly queue: DeliveryQueue,
  ) {
    this.logger = logger.child({ context: OutboundIntakeService.name });
  }

  onApplicationBootstrap(): void {
    const pattern = this.config.DELIVERY_OUTBOUND_TOPIC_PATTERN;
    this.kafka.consume({
      name: INTAKE_COMPONENT,
      // The runtime creates the default topics; a test's own pattern needs its topics created.
      prepare: () =>
        this.kafka.ensureTopology(outboundTopology(pattern, this.config.KAFKA_TOPIC_PARTITIONS)),
      groupId: this.config.DELIVERY_GROUP_ID,
      topics: PARTNERS.map((partner) => outboundTopic(pattern, partner)),
      // One transaction per fetched batch; a record that fails its checks sends the batch down the
      // runtime's one-record path, where only that record is dead-lettered.
      batchHandler: (records) => this.takeBatch(records),
      logger: this.logger,
      retryPolicy: (error) =>
        (error as { retriable?: boolean }).retriable === true
          ? OUTAGE_RETRY
          : { type: 'dead-letter' },
      partitionsConsumedConcurrently: 3,
    });
  }

  /** One record: checked, then queued (a redelivered record is a no-op). */
  async take(event: CloudEvent, context: HandlerContext): Promise<void> {
    await this.takeBatch([{ event, context }]);
  }

  /**
   * The records of one fetched batch (one partition, in order): each checked, then all queued in
   * one transaction before their offsets are committed (redelivered records are no-ops).
   */
  async takeBatch(records: readonly BatchRecord[]): Promise<void> {
    const items = records.map(({ event, context }) => {
      const partner = partnerOfOutboundTopic(
        this.config.DELIVERY_OUTBOUND_TOPIC_PATTERN,
        context.topic,
      );
      return {
        event: checkPreparedMessage(this.contracts, event, partner),
        source: { topic: context.topic, partition: context.partition, offset: context.offset },
      };
    });
    // The queue is the only place the message is kept: an outage is retried in place, never
    // dead-lettered (retriableOnOutage); a bug propagates and dead-letters the record.
    const results = await retriableOnOutage(() => this.queue.addAll(items, this.clock.now()));
    items.forEach(({ event: message }, i) => {
      const fields = {
        messageId: message.id,
        organisation: `${message.data.organisation.kind}:${message.data.organisation.code}`,
        messageType: message.data.messageType,
      };
      if (results[i] === 'conflict')
        this.logger.warn(
          fields,
          'A different message reuses a known message id; the first one is kept',
        );
      else if (results[i] === 'added') this.logger.debug(fields, 'Partner message queued');
    });
  }
}
