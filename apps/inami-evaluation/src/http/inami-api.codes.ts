import { SUPPORT_ACCESS_CODES, type SupportAccessCode } from '@rtw/ingress';
import { VERSION_ERROR_CODES, type VersionErrorCode } from '../versions/version.error';

/** Every reason code of the INAMI evaluation API (ADR 0084). Never rename one; add instead. */
export const INAMI_API_CODES = [
  ...SUPPORT_ACCESS_CODES,
  ...VERSION_ERROR_CODES,
  'INVALID_REQUEST',
  'MALFORMED_JSON',
  'ROUTE_NOT_FOUND',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

/** One of {@link INAMI_API_CODES}. */
export type InamiApiCode = (typeof INAMI_API_CODES)[number];

// Both families must stay codes of this API.
const _access: readonly InamiApiCode[] = [] as SupportAccessCode[];
const _versions: readonly InamiApiCode[] = [] as VersionErrorCode[];
void _access;
void _versions;

/** The HTTP status of every code: a new code does not compile until it has one. */
export const STATUS_BY_CODE: Readonly<Record<InamiApiCode, number>> = {
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
  INSURER_UNKNOWN: 404,
  YEAR_OUT_OF_RANGE: 422,
  YEAR_NOT_CLOSED: 422,
  REASON_REQUIRED: 422,
  FREEZE_IN_PROGRESS: 409,
  VERSION_NOT_FOUND: 404,
  VERSION_NOT_FROZEN: 409,
  VERSION_SUPERSEDED: 409,
  VERSION_ALREADY_SUBMITTED: 409,
  SUBMISSION_NOT_DECIDED: 409,
  INVALID_REQUEST: 400,
  MALFORMED_JSON: 400,
  ROUTE_NOT_FOUND: 404,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
};
