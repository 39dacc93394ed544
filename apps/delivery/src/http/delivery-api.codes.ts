import { SUPPORT_API_COMMON_CODES, SUPPORT_API_COMMON_STATUS } from '@rtw/support-api';

/**
 * Every reason code the delivery API answers with (public API: the monitor and support tools
 * branch on them). Never rename one; add a new one instead.
 */
export const DELIVERY_API_CODES = [
  ...SUPPORT_API_COMMON_CODES,
  // The request itself
  'UNSUPPORTED_MEDIA_TYPE',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'INVALID_REQUEST',
  'INVALID_QUERY',
  'REPLAY_TOO_LARGE',
  // Lookups
  'DEAD_LETTER_NOT_FOUND',
  'REPLAY_NOT_FOUND',
  'ORGANISATION_NOT_FOUND',
] as const;

/** One of {@link DELIVERY_API_CODES}. */
export type DeliveryApiCode = (typeof DELIVERY_API_CODES)[number];

/**
 * The HTTP status of every code. A `Record` over the union makes the mapping exhaustive: a new
 * code does not compile until it has a status here.
 */
export const STATUS_BY_CODE: Readonly<Record<DeliveryApiCode, number>> = {
  ...SUPPORT_API_COMMON_STATUS,
  UNSUPPORTED_MEDIA_TYPE: 415,
  MALFORMED_JSON: 400,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_REQUEST: 422,
  INVALID_QUERY: 400,
  REPLAY_TOO_LARGE: 422,
  DEAD_LETTER_NOT_FOUND: 404,
  REPLAY_NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
};
