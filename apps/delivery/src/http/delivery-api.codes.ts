/**
 * Every reason code the delivery API answers with (public API: the monitor and support tools
 * branch on them). Never rename one; add a new one instead.
 */
export const DELIVERY_API_CODES = [
  // Authentication (who is calling)
  'AUTHENTICATION_REQUIRED',
  'TOKEN_MALFORMED',
  'TOKEN_SIGNATURE_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_NOT_YET_VALID',
  'TOKEN_CLAIMS_INVALID',
  'TOKEN_REPLAYED',
  'UNKNOWN_ORGANISATION',
  // Authorisation (may this person do this)
  'ORGANISATION_NOT_SUPPORT',
  'ROLE_REQUIRED',
  'ACTOR_REQUIRED',
  // The request itself
  'UNSUPPORTED_MEDIA_TYPE',
  'MALFORMED_JSON',
  'INVALID_REQUEST',
  'INVALID_QUERY',
  'REPLAY_TOO_LARGE',
  // Lookups and infrastructure
  'DEAD_LETTER_NOT_FOUND',
  'REPLAY_NOT_FOUND',
  'ORGANISATION_NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

/** One of {@link DELIVERY_API_CODES}. */
export type DeliveryApiCode = (typeof DELIVERY_API_CODES)[number];

/**
 * The HTTP status of every code. A `Record` over the union makes the mapping exhaustive: a new
 * code does not compile until it has a status here.
 */
export const STATUS_BY_CODE: Readonly<Record<DeliveryApiCode, number>> = {
  AUTHENTICATION_REQUIRED: 401,
  TOKEN_MALFORMED: 401,
  TOKEN_SIGNATURE_INVALID: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_NOT_YET_VALID: 401,
  TOKEN_CLAIMS_INVALID: 401,
  TOKEN_REPLAYED: 401,
  UNKNOWN_ORGANISATION: 401,
  ORGANISATION_NOT_SUPPORT: 403,
  ROLE_REQUIRED: 403,
  ACTOR_REQUIRED: 403,
  UNSUPPORTED_MEDIA_TYPE: 415,
  MALFORMED_JSON: 400,
  INVALID_REQUEST: 422,
  INVALID_QUERY: 400,
  REPLAY_TOO_LARGE: 422,
  DEAD_LETTER_NOT_FOUND: 404,
  REPLAY_NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};
