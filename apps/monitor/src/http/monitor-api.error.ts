import { HubError } from '@rtw/platform';
import { STATUS_BY_CODE, type MonitorApiCode } from './monitor-api.codes';

/** Whose refusal an upstream problem is. */
export type Upstream = 'tracker' | 'delivery';

/**
 * A refusal by the monitor's API: a code and plain words that never repeat personal data. An
 * upstream refusal keeps the upstream's status and code, so the console can show "delivery says
 * REPLAY_TOO_LARGE: narrow the filter".
 */
export class MonitorApiError extends HubError<MonitorApiCode> {
  readonly status: number;
  readonly upstream?: { service: Upstream; code: string; status: number };

  constructor(args: {
    code: MonitorApiCode;
    message: string;
    upstream?: { service: Upstream; code: string; status: number };
    cause?: unknown;
  }) {
    super({
      code: args.code,
      message: args.message,
      cause: args.cause,
      retriable:
        args.code === 'UPSTREAM_UNAVAILABLE' ||
        args.code === 'AUDIT_UNAVAILABLE' ||
        args.code === 'DATABASE_UNAVAILABLE',
    });
    this.upstream = args.upstream;
    this.status = args.upstream?.status ?? STATUS_BY_CODE[args.code];
  }
}

/** Shorthand for an INVALID_REQUEST naming the field (never its value). */
export function invalidRequest(field: string, message: string): MonitorApiError {
  return new MonitorApiError({ code: 'INVALID_REQUEST', message: `${field} ${message}` });
}
