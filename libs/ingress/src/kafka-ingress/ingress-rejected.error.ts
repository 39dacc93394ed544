import { HubError } from '@rtw/platform';
import type { Refusal } from '../errors/ingress.error';
import type { ReasonCode } from '../errors/reason.codes';

/**
 * A Kafka ingress record refused by the gateway's checks: final, so it is dead-lettered at once.
 * It carries the whole refusal (pointer included) to the consumer's dead-letter hook, which tells
 * the insurer why (ADR 0041).
 */
export class IngressRejectedError extends HubError<ReasonCode> {
  constructor(readonly refusal: Refusal) {
    super({ code: refusal.code, message: refusal.message, retriable: false });
  }
}
