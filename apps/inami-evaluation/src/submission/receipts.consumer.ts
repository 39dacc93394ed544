import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { TOPICS, type CloudEvent } from '@rtw/messaging';
import type { Logger } from '@rtw/platform';
import { HUB_CONFIG, HUB_LOGGER, KafkaConnection, OutboxRelayHost } from '@rtw/runtime';
import type { InamiEvaluationConfig } from '../config/inami-evaluation.config';
import { DatasetSubmissionService } from './dataset-submission.service';
import { DeliveryAnswerReader } from './delivery-answer.reader';
import { reasonsOfAnswer, referenceOfAnswer } from './inami-answer.parser';

/** Component name of the receipts consumer in readiness and metrics. */
export const SUBMISSION_RECEIPTS_COMPONENT = 'submission-receipts';

interface ReceiptData {
  partner?: string;
  messageId?: string;
  reasonCode?: string;
  httpStatus?: number;
  deliveredAt?: string;
  failedAt?: string;
}

/**
 * Declares the submission's background work to the runtime (ADR 0027): the outbox relay that
 * hands prepared submissions (and the schedule's reminders, ADR 0108) to Kafka, and the consumer of delivery's receipts that records on
 * each INAMI version what became of it. INAMI answers synchronously (ADR 0082, 0109): a 2xx is its
 * acknowledgement, a 4xx its refusal with reasons; other partners' receipts are skipped.
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
    private readonly answers: DeliveryAnswerReader,
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
    const answer = await this.answerOf(event.type, data);
    const at = answeredAt(
      event.type === 'be.rtw.delivery.succeeded' ? data.deliveredAt : data.failedAt,
    );
    const moved = await this.submissions.record(data.messageId, answer, at);
    this.logger.info(
      {
        messageId: data.messageId,
        receipt: event.type,
        outcome: answer.outcome,
        reasonCodes: 'reasons' in answer ? answer.reasons?.map((reason) => reason.code) : undefined,
        moved,
      },
      'recorded a delivery receipt of an INAMI dataset version',
    );
  }

  /**
   * INAMI's verdict is its HTTP answer to the submission (ADR 0109): a 2xx acknowledges, a 4xx
   * refuses with the reasons of its body, read from delivery's attempt log (the receipt carries
   * only delivery's code); when the body gives none, delivery's code stands as the reason.
   */
  private async answerOf(type: string, data: ReceiptData) {
    if (type === 'be.rtw.delivery.succeeded') {
      const reference = referenceOfAnswer(await this.answers.lastExcerpt(data.messageId!));
      return { outcome: 'acknowledged' as const, ...(reference ? { reference } : {}) };
    }
    if (data.httpStatus !== undefined && data.httpStatus >= 400 && data.httpStatus < 500) {
      const reasons = reasonsOfAnswer(await this.answers.lastExcerpt(data.messageId!));
      return {
        outcome: 'refused' as const,
        reasons: reasons ?? [{ code: data.reasonCode ?? 'PARTNER_REJECTED' }],
      };
    }
    return {
      outcome: 'delivery-failed' as const,
      reasonCode: data.reasonCode ?? 'DELIVERY_FAILED',
    };
  }
}

/** When INAMI answered: the receipt's time of the answer, when it is a valid instant. */
function answeredAt(iso: string | undefined): Date | undefined {
  if (iso === undefined) return undefined;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
