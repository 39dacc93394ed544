import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { TOPICS, type CloudEvent } from '@rtw/messaging';
import type { Logger } from '@rtw/platform';
import { HUB_CONFIG, HUB_LOGGER, KafkaConnection, OutboxRelayHost } from '@rtw/runtime';
import type { InamiEvaluationConfig } from '../config/inami-evaluation.config';
import { DatasetSubmissionService } from './dataset-submission.service';

/** Component name of the receipts consumer in readiness and metrics. */
export const SUBMISSION_RECEIPTS_COMPONENT = 'submission-receipts';

interface ReceiptData {
  partner?: string;
  messageId?: string;
  reasonCode?: string;
  httpStatus?: number;
}

/**
 * Declares the submission's background work to the runtime (ADR 0027): the outbox relay that
 * hands prepared submissions to Kafka, and the consumer of delivery's receipts that records on
 * each INAMI version what became of it. INAMI answers synchronously (ADR 0082): a 2xx is its
 * acknowledgement, a 4xx its refusal; other partners' receipts are skipped.
 */
@Injectable()
export class ReceiptsConsumer implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    @Inject(HUB_CONFIG) private readonly config: InamiEvaluationConfig,
    @Inject(HUB_LOGGER) logger: Logger,
    private readonly kafka: KafkaConnection,
    private readonly relay: OutboxRelayHost,
    private readonly submissions: DatasetSubmissionService,
  ) {
    this.logger = logger.child({ context: ReceiptsConsumer.name });
  }

  onApplicationBootstrap(): void {
    this.kafka.consume({
      name: SUBMISSION_RECEIPTS_COMPONENT,
      groupId: this.config.INAMI_RECEIPTS_GROUP_ID,
      topics: [TOPICS.deliveryReceipts],
      handler: (event) => this.handle(event),
      logger: this.logger,
    });
    this.relay.start();
  }

  private async handle(event: CloudEvent): Promise<void> {
    const data = (event.data ?? {}) as ReceiptData;
    if (data.partner !== 'inami' || !data.messageId) return;
    const moved = await this.submissions.record(
      data.messageId,
      event.type === 'be.rtw.delivery.succeeded'
        ? { outcome: 'acknowledged' }
        : data.httpStatus !== undefined && data.httpStatus >= 400 && data.httpStatus < 500
          ? { outcome: 'refused', reasons: [{ code: data.reasonCode ?? 'PARTNER_REJECTED' }] }
          : { outcome: 'delivery-failed', reasonCode: data.reasonCode ?? 'DELIVERY_FAILED' },
    );
    this.logger.info(
      { messageId: data.messageId, receipt: event.type, moved },
      'recorded a delivery receipt of an INAMI dataset version',
    );
  }
}
