import { HubError } from '@rtw/platform';
import type { ReasonCode } from './reason.codes';

const RETRIABLE = new Set<ReasonCode>(['DATABASE_UNAVAILABLE', 'RATE_LIMITED']);

/**
 * A refusal by the gateway: a reason code, a message in plain words that never repeats a value
 * from the request (it may be personal data), and the JSON pointer of the field at fault.
 */
export class IngressError extends HubError {
  declare readonly code: ReasonCode;
  readonly pointer?: string;
  /** Seconds after which trying again may work (rate limit, database outage). */
  readonly retryAfterSeconds?: number;

  constructor(args: {
    code: ReasonCode;
    message: string;
    pointer?: string;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super({
      code: args.code,
      message: args.message,
      retriable: RETRIABLE.has(args.code),
      cause: args.cause,
    });
    this.pointer = args.pointer;
    this.retryAfterSeconds = args.retryAfterSeconds;
  }
}

/** A refusal as it travels in responses, audit rows and rejection events. */
export interface Refusal {
  code: ReasonCode;
  message: string;
  pointer?: string;
}

/** The response-safe part of an IngressError. */
export function refusalOf(error: IngressError): Refusal {
  return error.pointer === undefined
    ? { code: error.code, message: error.message }
    : { code: error.code, message: error.message, pointer: error.pointer };
}
