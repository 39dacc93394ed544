import { HubError } from '@rtw/platform';
import type { Refusal } from '../errors/ingress.error';

/** A Kafka ingress record refused by the gateway's checks: final, so it is dead-lettered at once. */
export class IngressRejectedError extends HubError {
  constructor(refusal: Refusal) {
    super({ code: refusal.code, message: refusal.message, retriable: false });
  }
}
