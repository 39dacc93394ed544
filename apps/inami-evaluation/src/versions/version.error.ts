import { HubError } from '@rtw/platform';

/** Why a version could not be built, frozen, shown, submitted or compared (ADR 0081). */
export const VERSION_ERROR_CODES = [
  'INSURER_UNKNOWN',
  'YEAR_OUT_OF_RANGE',
  'YEAR_NOT_CLOSED',
  'REASON_REQUIRED',
  'FREEZE_IN_PROGRESS',
  'VERSION_NOT_FOUND',
  'VERSION_NOT_FROZEN',
  'VERSION_SUPERSEDED',
  'VERSION_ALREADY_SUBMITTED',
  'SUBMISSION_NOT_DECIDED',
] as const;

/** One of {@link VERSION_ERROR_CODES}. */
export type VersionErrorCode = (typeof VERSION_ERROR_CODES)[number];

/**
 * A refusal of a lifecycle request. Never retriable as such: each code names something the
 * caller must change (another year, a reason, wait for the other freeze to end). Messages carry
 * insurer codes, years and version numbers only.
 */
export class VersionError extends HubError<VersionErrorCode> {
  constructor(code: VersionErrorCode, message: string, details?: Record<string, unknown>) {
    super({ code, message, retriable: false, ...(details ? { details } : {}) });
  }
}
