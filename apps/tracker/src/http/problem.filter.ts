import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { isConnectionFailure } from '@rtw/persistence';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER, sendProblem } from '@rtw/runtime';
import { STATUS_BY_CODE } from './timeline-api.codes';
import { TimelineApiError } from './timeline-api.error';
import type { TrackerRequest } from './tracker.request';

/**
 * The edge of the tracker's API, bound to its controllers (`@UseFilters`): every error becomes
 * `{ code, message }` with the status of its code; a database outage is a 503 with Retry-After,
 * anything else unexpected a 500 logged without the request's values. Unknown routes are answered
 * by the runtime's global problem filter (ROUTE_NOT_FOUND, the same code as here).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger: Logger;

  constructor(@Inject(HUB_LOGGER) logger: Logger) {
    this.logger = logger.child({ context: ProblemFilter.name });
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<TrackerRequest>();
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const error = this.toApiError(exception, request.route?.path ?? 'unmatched');
    sendProblem(
      response,
      { status: STATUS_BY_CODE[error.code], code: error.code, message: error.message },
      error.code === 'DATABASE_UNAVAILABLE' ? { 'Retry-After': '5' } : {},
    );
  }

  private toApiError(exception: unknown, route: string): TimelineApiError {
    if (exception instanceof TimelineApiError) return exception;
    if (isConnectionFailure(exception)) {
      this.logger.warn({ err: exception, route }, 'Database unavailable; answered 503');
      return new TimelineApiError({
        code: 'DATABASE_UNAVAILABLE',
        message: 'the database cannot be reached; try again shortly',
      });
    }
    this.logger.error({ err: exception, route }, 'Unexpected error while handling a request');
    return new TimelineApiError({
      code: 'INTERNAL_ERROR',
      message: 'the request could not be handled',
    });
  }
}
