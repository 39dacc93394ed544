import type { SupportAccessCode } from '@rtw/ingress';

/**
 * Every reason code the tracker's API answers with (public API: the monitor and support tools
 * branch on them). Never rename one; add a new one instead.
 */
export const TIMELINE_API_CODES = [
  // Authentication (who is calling): the support access codes of @rtw/ingress
  'AUTHENTICATION_REQUIRED',
  'TOKEN_MALFORMED',
  'TOKEN_SIGNATURE_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_NOT_YET_VALID',
  'TOKEN_CLAIMS_INVALID',
  'TOKEN_REPLAYED',
  'UNKNOWN_ORGANISATION',
  // Authorisation (may this person look)
  'ORGANISATION_NOT_SUPPORT',
  'ROLE_REQUIRED',
  'ACTOR_REQUIRED',
  // The request itself
  'DOSSIER_ID_INVALID',
  'INVALID_QUERY',
  // Lookups and infrastructure
  'DOSSIER_NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

/** One of {@link TIMELINE_API_CODES}. */
export type TimelineApiCode = (typeof TIMELINE_API_CODES)[number];

// Compiles only while every support access code is one of this API's codes.
const SUPPORT_ACCESS_CODES_LISTED: SupportAccessCode extends TimelineApiCode ? true : never = true;
void SUPPORT_ACCESS_CODES_LISTED;

/**
 * The HTTP status of every code. A `Record` over the union makes the mapping exhaustive: a new
 * code does not compile until it has a status here.
 */
export const STATUS_BY_CODE: Readonly<Record<TimelineApiCode, number>> = {
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
  DOSSIER_ID_INVALID: 400,
  INVALID_QUERY: 400,
  DOSSIER_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};
