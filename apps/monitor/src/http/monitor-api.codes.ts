/**
 * Every reason code the monitor's API answers with (public API: the console and the `rtw` CLI
 * branch on them). Never rename one; add a new one instead. Codes of the tracker and delivery are
 * passed on as they are (`upstream` in the body says whose).
 */
export const MONITOR_API_CODES = [
  // Who is calling
  'AUTHENTICATION_REQUIRED',
  'LOGIN_FAILED',
  'NO_SUPPORT_ROLE',
  // A bearer access token (the rtw CLI, ADR 0100) that cannot be accepted
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_AUDIENCE_MISMATCH',
  // May this person do this
  'CSRF_INVALID',
  'ROLE_REQUIRED',
  'HUB_STAFF_ONLY',
  'REASON_REQUIRED',
  // The request itself
  'INVALID_REQUEST',
  'NISS_INVALID',
  'DOSSIER_NOT_FOUND',
  'ROUTE_NOT_FOUND',
  // What the monitor sits on
  'UPSTREAM_REFUSED',
  'UPSTREAM_UNAVAILABLE',
  'AUDIT_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'IDENTITY_PROVIDER_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

/** One of {@link MONITOR_API_CODES}. */
export type MonitorApiCode = (typeof MONITOR_API_CODES)[number];

/** The HTTP status of every code; a `Record` over the union keeps the mapping exhaustive. */
export const STATUS_BY_CODE: Readonly<Record<MonitorApiCode, number>> = {
  AUTHENTICATION_REQUIRED: 401,
  LOGIN_FAILED: 401,
  NO_SUPPORT_ROLE: 403,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_AUDIENCE_MISMATCH: 401,
  CSRF_INVALID: 403,
  ROLE_REQUIRED: 403,
  HUB_STAFF_ONLY: 403,
  REASON_REQUIRED: 400,
  INVALID_REQUEST: 400,
  NISS_INVALID: 400,
  DOSSIER_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  // Replaced by the upstream's own status when it gave one (see MonitorApiError.status).
  UPSTREAM_REFUSED: 502,
  UPSTREAM_UNAVAILABLE: 503,
  AUDIT_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  IDENTITY_PROVIDER_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};
