import { VALIDATION_CODES, type ValidationCode } from '@rtw/contracts';

/**
 * The gateway's own reason codes, each naming exactly one way a submission can be refused. They
 * are part of the public API (response bodies, audit rows, `be.rtw.event.rejected`): never rename
 * one, add a new one instead.
 */
export const INGRESS_REASON_CODES = [
  // Authentication (who is calling)
  'AUTHENTICATION_REQUIRED',
  'TOKEN_MALFORMED',
  'TOKEN_SIGNATURE_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_NOT_YET_VALID',
  'TOKEN_CLAIMS_INVALID',
  'TOKEN_REPLAYED',
  'UNKNOWN_ORGANISATION',
  'DEV_KEYS_DISABLED',
  // Protection (how much, how fast, in what form)
  'RATE_LIMITED',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'EMPTY_BODY',
  'MALFORMED_JSON',
  'JSON_DUPLICATE_KEY',
  'JSON_FORBIDDEN_KEY',
  'JSON_TOO_DEEP',
  'BATCH_NOT_ARRAY',
  'BATCH_EMPTY',
  'BATCH_TOO_LARGE',
  // The HTTP request itself, refused before routing (answered by the runtime's problem handling)
  'MALFORMED_REQUEST',
  'MALFORMED_PATH',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  // One event (whether the caller may say it; what it says is a contract validation code)
  'SOURCE_MISMATCH',
  'EVENT_TYPE_NOT_ALLOWED',
  'INSURER_MISMATCH',
  'DOSSIER_NOT_REFERRED',
  'IDEMPOTENCY_CONFLICT',
  // Partner answers (POST /v1/partner-answers): the document in the partner's own format, then
  // whether this partner may answer about this dossier and referral now
  'XML_MALFORMED',
  'XML_DOCTYPE_FORBIDDEN',
  'XML_FORBIDDEN_NAME',
  'XML_TOO_DEEP',
  'ANSWER_UNEXPECTED_DOCUMENT',
  'ANSWER_SCHEMA_INVALID',
  'PARTNER_ANSWER_NOT_ALLOWED',
  'REFERRAL_UNKNOWN',
  'REFERRAL_ENDED',
  'CONSENT_NOT_IN_FORCE',
  'PARTNER_NOT_COMPETENT',
  'DOSSIER_UNKNOWN',
  // Lookups and infrastructure
  'EVENT_NOT_FOUND',
  'EVENT_ID_INVALID',
  'ROUTE_NOT_FOUND',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

/** One of {@link INGRESS_REASON_CODES}. */
export type IngressReasonCode = (typeof INGRESS_REASON_CODES)[number];

/** Every code a gateway response can carry: its own plus the contract validation codes. */
export type ReasonCode = IngressReasonCode | ValidationCode;

/** All reason codes, gateway first, then contract validation. */
export const REASON_CODES: readonly ReasonCode[] = [...INGRESS_REASON_CODES, ...VALIDATION_CODES];

const INGRESS_KNOWN = new Set<string>(INGRESS_REASON_CODES);

/** True for one of the gateway's own codes (not a contract validation code). */
export function isIngressReasonCode(value: unknown): value is IngressReasonCode {
  return typeof value === 'string' && INGRESS_KNOWN.has(value);
}

const KNOWN = new Set<string>(REASON_CODES);

/** True for any code a gateway response can carry. */
export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && KNOWN.has(value);
}
