import { HubError } from '@rtw/platform';
import { isIngressReasonCode, type IngressReasonCode, type ReasonCode } from './reason.codes';

/**
 * Whether waiting and trying again can help, per gateway code (the contract validation codes are
 * all final: the same event breaks its contract the same way). A `Record` over the union: a new
 * code does not compile until it has its retry decision, which the Kafka ingress acts on.
 */
const RETRIABLE: Readonly<Record<IngressReasonCode, boolean>> = {
  AUTHENTICATION_REQUIRED: false,
  TOKEN_MALFORMED: false,
  TOKEN_SIGNATURE_INVALID: false,
  TOKEN_EXPIRED: false,
  TOKEN_NOT_YET_VALID: false,
  TOKEN_CLAIMS_INVALID: false,
  TOKEN_REPLAYED: false,
  UNKNOWN_ORGANISATION: false,
  RATE_LIMITED: true,
  UNSUPPORTED_MEDIA_TYPE: false,
  PAYLOAD_TOO_LARGE: false,
  EMPTY_BODY: false,
  MALFORMED_JSON: false,
  JSON_DUPLICATE_KEY: false,
  JSON_FORBIDDEN_KEY: false,
  JSON_TOO_DEEP: false,
  BATCH_NOT_ARRAY: false,
  BATCH_EMPTY: false,
  BATCH_TOO_LARGE: false,
  SOURCE_MISMATCH: false,
  EVENT_TYPE_NOT_ALLOWED: false,
  INSURER_MISMATCH: false,
  DOSSIER_NOT_REFERRED: false,
  IDEMPOTENCY_CONFLICT: false,
  XML_MALFORMED: false,
  XML_DOCTYPE_FORBIDDEN: false,
  XML_FORBIDDEN_NAME: false,
  XML_TOO_DEEP: false,
  ANSWER_UNEXPECTED_DOCUMENT: false,
  ANSWER_SCHEMA_INVALID: false,
  PARTNER_ANSWER_NOT_ALLOWED: false,
  REFERRAL_UNKNOWN: false,
  REFERRAL_ENDED: false,
  CONSENT_NOT_IN_FORCE: false,
  PARTNER_NOT_COMPETENT: false,
  DOSSIER_UNKNOWN: false,
  EVENT_NOT_FOUND: false,
  ROUTE_NOT_FOUND: false,
  DEV_KEYS_DISABLED: false,
  EVENT_ID_INVALID: false,
  MALFORMED_PATH: false,
  MALFORMED_REQUEST: false,
  HEADERS_TOO_LARGE: false,
  // The client was too slow to send its request; sending it again may work.
  REQUEST_TIMEOUT: true,
  DATABASE_UNAVAILABLE: true,
  INTERNAL_ERROR: false,
};

/** True when a refusal with this code may be cured by trying again later. */
function isRetriableReason(code: ReasonCode): boolean {
  return isIngressReasonCode(code) && RETRIABLE[code];
}

/**
 * A refusal by the gateway: a reason code, a message in plain words that never repeats a value
 * from the request (it may be personal data), and the JSON pointer of the field at fault.
 */
export class IngressError extends HubError<ReasonCode> {
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
      retriable: isRetriableReason(args.code),
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
