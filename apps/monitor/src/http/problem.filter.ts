import {
  Catch,
  HttpException,
  Inject,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER } from '@rtw/runtime';
import { MonitorApiError } from './monitor-api.error';

/**
 * The edge of the monitor's API (global): every error becomes `{ code, message, upstream? }`
 * with its status; an unknown route is ROUTE_NOT_FOUND; anything unexpected a 500 logged without
 * the request's values.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger: Logger;

  constructor(@Inject(HUB_LOGGER) logger: Logger) {
    this.logger = logger.child({ context: ProblemFilter.name });
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const error = this.toApiError(exception, request);
    if (response.headersSent) return;
    response.status(error.status).json({
      code: error.code,
      message: error.message,
      ...(error.upstream ? { upstream: error.upstream } : {}),
    });
  }

  private toApiError(exception: unknown, request: Request): MonitorApiError {
    if (exception instanceof MonitorApiError) return exception;
    if (exception instanceof HttpException && exception.getStatus() === 404)
      return new MonitorApiError({ code: 'ROUTE_NOT_FOUND', message: 'no such route' });
    if (exception instanceof HttpException && exception.getStatus() === 400)
      return new MonitorApiError({ code: 'INVALID_REQUEST', message: 'the request is malformed' });
    this.logger.error(
      {
        err: exception,
        route: (request.route as { path?: string } | undefined)?.path ?? 'unmatched',
      },
      'Unexpected error while handling a request',
    );
    return new MonitorApiError({
      code: 'INTERNAL_ERROR',
      message: 'the request could not be handled',
    });
  }
}
