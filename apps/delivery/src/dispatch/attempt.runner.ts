import type { Clock, Logger } from '@rtw/platform';
import { attemptDuration, deliveryOutcomes } from '../metrics/delivery.metrics';
import type { PartnerOrganisation } from '../directory/directory.types';
import type { QueuedMessage } from '../queue/delivery-message.types';
import type { AttemptRecord, DeliveryQueue, Settlement } from '../queue/delivery.queue';
import { failureRows, successReceipt } from '../receipts/receipt.builder';
import type { DeliveryGate } from './delivery.gate';
import type { OrganisationResilience } from './organisation.resilience';
import type { PartnerClient, SentRequest } from './partner.client';
import { classify, type Classification } from './response.classifier';
import { planRetry } from './retry.schedule';

/** What a turn of one message came to (for the dispatcher and tests). */
export type TurnOutcome =
  'delivered' | 'retry-scheduled' | 'dead-lettered' | 'refused' | 'released' | 'lease-lost';

/** Waiting time before a message whose body store is away is tried again (not an attempt). */
const LATER_MS = 30_000;

/**
 * One turn of one claimed message: the gate (registers, body, contract), the signed request
 * through the organisation's bulkhead and breaker, the classification, and the settlement (attempt
 * row, new state, receipt and dead-letter copy in one transaction).
 */
export class AttemptRunner {
  constructor(
    private readonly parts: {
      readonly queue: DeliveryQueue;
      readonly gate: DeliveryGate;
      readonly client: PartnerClient;
      readonly clock: Clock;
      readonly logger: Logger;
      /** This dispatcher's lease owner id. */
      readonly owner: string;
      readonly random?: () => number;
    },
  ) {}

  async run(
    message: QueuedMessage,
    resilience: OrganisationResilience,
    stop: AbortSignal,
  ): Promise<TurnOutcome> {
    const { queue, gate, clock, owner } = this.parts;
    const verdict = await gate.judge(message, { checkContract: message.roundAttempts === 0 });
    if (verdict.kind === 'later') {
      await queue.release(message, owner, new Date(clock.now().getTime() + LATER_MS));
      return 'released';
    }
    if (verdict.kind === 'refuse') {
      const at = clock.now();
      const reasonMessage = verdict.pointer
        ? `${verdict.message} at ${verdict.pointer}`
        : verdict.message;
      return this.settle(message, {
        kind: 'refused',
        at,
        reasonCode: verdict.code,
        reasonMessage,
      });
    }
    const startedAt = clock.now();
    let guarded;
    try {
      guarded = await resilience.run(async () => {
        const sent = await this.parts.client.send(
          verdict.organisation,
          { id: message.id, contentType: message.contentType, body: verdict.body },
          stop,
        );
        const classification = classify(sent.result);
        return { sent, classification, breakerFailure: classification.verdict === 'retryable' };
      });
    } catch (error) {
      if (!stop.aborted) throw error;
      guarded = { ran: false as const };
    }
    if (!guarded.ran) {
      // Circuit open (or stopping): the request was not made; the message waits, nothing counted.
      await queue.release(message, owner, clock.now());
      return 'released';
    }
    const { sent, classification } = guarded.result;
    attemptDuration.observe(
      {
        partner: message.partner,
        organisation: message.organisationId,
        result: classification.verdict,
      },
      sent.latencyMs / 1000,
    );
    return this.settle(
      message,
      this.settlementOf(
        message,
        verdict.organisation,
        classification,
        attemptRecord(startedAt, sent, classification),
      ),
    );
  }

  private settlementOf(
    message: QueuedMessage,
    organisation: PartnerOrganisation,
    classification: Classification,
    attempt: AttemptRecord,
  ): Settlement {
    const now = this.parts.clock.now();
    const attempts = message.attempts + 1;
    switch (classification.verdict) {
      case 'delivered':
        return { kind: 'delivered', at: now, attempt };
      case 'rejected':
        return {
          kind: 'dead-lettered',
          at: now,
          attempt,
          reasonCode: classification.code,
          reasonMessage: `the partner refused the message with HTTP ${attempt.httpStatus ?? '?'}`,
        };
      case 'retryable': {
        const plan = planRetry({
          schedule: organisation.retrySchedule,
          attemptsInRound: message.roundAttempts + 1,
          now,
          maxRetryAfterMs: organisation.limits.maxRetryAfterMs,
          ...(classification.retryAfter === undefined
            ? {}
            : { retryAfter: classification.retryAfter }),
          ...(this.parts.random ? { random: this.parts.random } : {}),
        });
        if (plan.kind === 'retry')
          return { kind: 'retry', nextAttemptAt: plan.at, attempt, errorCode: classification.code };
        return {
          kind: 'dead-lettered',
          at: now,
          attempt,
          reasonCode: 'RETRIES_EXHAUSTED',
          reasonMessage: `no success after ${attempts} attempts; last failure ${classification.code}`,
        };
      }
    }
  }

  private async settle(message: QueuedMessage, settlement: Settlement): Promise<TurnOutcome> {
    const outcome: TurnOutcome = settlement.kind === 'retry' ? 'retry-scheduled' : settlement.kind;
    const attempts = message.attempts + (settlement.attempt ? 1 : 0);
    const outbox =
      settlement.kind === 'delivered'
        ? [
            successReceipt(message, {
              attempts,
              httpStatus: settlement.attempt.httpStatus ?? 200,
              at: settlement.at,
            }),
          ]
        : settlement.kind === 'retry'
          ? []
          : failureRows(message, {
              outcome: settlement.kind,
              attempts,
              reasonCode: settlement.reasonCode,
              reasonMessage: settlement.reasonMessage,
              ...(settlement.attempt?.httpStatus === undefined
                ? {}
                : { httpStatus: settlement.attempt.httpStatus }),
              at: settlement.at,
            });
    if (!(await this.parts.queue.settle(message, this.parts.owner, settlement, outbox))) {
      this.parts.logger.warn(
        { messageId: message.id, organisation: message.organisationId },
        'Lease lost before the outcome was recorded; another dispatcher owns the message now',
      );
      return 'lease-lost';
    }
    deliveryOutcomes.inc({
      partner: message.partner,
      organisation: message.organisationId,
      outcome,
    });
    this.log(message, outcome, settlement);
    return outcome;
  }

  private log(message: QueuedMessage, outcome: TurnOutcome, settlement: Settlement): void {
    const fields = {
      messageId: message.id,
      organisation: message.organisationId,
      messageType: message.messageType,
      attempt: message.attempts + (settlement.attempt ? 1 : 0),
      httpStatus: settlement.attempt?.httpStatus,
      code:
        settlement.kind === 'retry'
          ? settlement.errorCode
          : settlement.kind === 'delivered'
            ? undefined
            : settlement.reasonCode,
    };
    if (outcome === 'delivered') this.parts.logger.info(fields, 'Partner message delivered');
    else if (outcome === 'retry-scheduled')
      this.parts.logger.info(
        {
          ...fields,
          nextAttemptAt: settlement.kind === 'retry' ? settlement.nextAttemptAt : undefined,
        },
        'Partner message attempt failed; retry scheduled',
      );
    else this.parts.logger.warn(fields, `Partner message ${outcome}`);
  }
}

function attemptRecord(
  startedAt: Date,
  sent: SentRequest,
  classification: Classification,
): AttemptRecord {
  return {
    startedAt,
    latencyMs: sent.latencyMs,
    outcome: classification.verdict,
    ...(sent.result.kind === 'answer' ? { httpStatus: sent.result.status } : {}),
    ...(classification.verdict === 'delivered' ? {} : { errorCode: classification.code }),
    request: sent.request,
    ...(sent.responseHeaders ? { responseHeaders: sent.responseHeaders } : {}),
    ...(sent.responseExcerpt !== undefined ? { responseExcerpt: sent.responseExcerpt } : {}),
  };
}
