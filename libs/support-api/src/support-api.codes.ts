import { SUPPORT_ACCESS_CODES, type SupportAccessCode } from '@rtw/ingress';

/**
 * The reason codes every support API (delivery, tracker, INAMI evaluation) answers with besides
 * its own: the access refusals of `@rtw/ingress`, an unknown route, a database outage and an
 * unexpected error. Each API lists them first among its codes, with these statuses, so a support
 * tool reads them the same everywhere. Never rename one; add a new one instead.
 */
export const SUPPORT_API_COMMON_CODES = [
  ...SUPPORT_ACCESS_CODES,
  'ROUTE_NOT_FOUND',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

/** One of {@link SUPPORT_API_COMMON_CODES}. */
export type SupportApiCommonCode = (typeof SUPPORT_API_COMMON_CODES)[number];

const ACCESS_STATUS: Readonly<Record<SupportAccessCode, 401 | 403>> = {
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
};

/** The status of every common code; an API's own map spreads it first. */
export const SUPPORT_API_COMMON_STATUS: Readonly<Record<SupportApiCommonCode, number>> = {
  ...ACCESS_STATUS,
  ROUTE_NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};
