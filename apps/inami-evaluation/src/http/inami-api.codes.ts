import { SUPPORT_API_COMMON_CODES, SUPPORT_API_COMMON_STATUS } from '@rtw/support-api';
import { VERSION_ERROR_CODES, type VersionErrorCode } from '../versions/version.error';

/** Every reason code of the INAMI evaluation API (ADR 0084). Never rename one; add instead. */
export const INAMI_API_CODES = [
  ...SUPPORT_API_COMMON_CODES,
  ...VERSION_ERROR_CODES,
  'INVALID_REQUEST',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
] as const;

/** One of {@link INAMI_API_CODES}. */
export type InamiApiCode = (typeof INAMI_API_CODES)[number];

// The version errors must stay codes of this API.
const _versions: readonly InamiApiCode[] = [] as VersionErrorCode[];
void _versions;

/** The HTTP status of every code: a new code does not compile until it has one. */
export const STATUS_BY_CODE: Readonly<Record<InamiApiCode, number>> = {
  ...SUPPORT_API_COMMON_STATUS,
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
  PAYLOAD_TOO_LARGE: 413,
};
