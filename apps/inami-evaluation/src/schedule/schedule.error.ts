import { HubError } from '@rtw/platform';

/** Why a check of the yearly schedule failed (ADR 0108). */
export const SCHEDULE_ERROR_CODES = ['SCHEDULE_INSURER_FAILED'] as const;

/** One of {@link SCHEDULE_ERROR_CODES}. */
export type ScheduleErrorCode = (typeof SCHEDULE_ERROR_CODES)[number];

/**
 * A check that could not look after every insurer (a draft build or a reminder failed). Retried
 * at the next check: what succeeded is recorded and not done again. Details carry insurer codes
 * and error codes only.
 */
export class ScheduleError extends HubError<ScheduleErrorCode> {
  constructor(code: ScheduleErrorCode, message: string, details?: Record<string, unknown>) {
    super({ code, message, retriable: true, ...(details ? { details } : {}) });
  }
}
