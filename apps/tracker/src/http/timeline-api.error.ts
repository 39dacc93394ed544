import { HubError } from '@rtw/platform';
import type { TimelineApiCode } from './timeline-api.codes';

/** A refusal by the tracker's API: a code and plain words that never repeat personal data. */
export class TimelineApiError extends HubError<TimelineApiCode> {
  constructor(args: { code: TimelineApiCode; message: string; cause?: unknown }) {
    super({ ...args, retriable: args.code === 'DATABASE_UNAVAILABLE' });
  }
}

/** Shorthand for an INVALID_QUERY naming the parameter (never its value). */
export function invalidQuery(parameter: string, message: string): TimelineApiError {
  return new TimelineApiError({ code: 'INVALID_QUERY', message: `${parameter} ${message}` });
}
