import {
  Catch,
  HttpException,
  Inject,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER } from '@rtw/runtime';
import { STATUS_BY_CODE } from './delivery-api.codes';
import { DeliveryApiError } from './delivery-api.error';
import type { DeliveryRequest } from './delivery.request';
import { sendJson } from './json.response';

/**
 * The edge of the delivery API: every error becomes `{ code, message, pointer? }` with the status
 * of its code. Framework errors outside `/v1` (health, metrics, the test clock) keep their own
 * body, except an unknown route: every app answers that one with the same `ROUTE_NOT_FOUND` problem.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger: Logger;

  constructor(@Inject(HUB_LOGGER) logger: Logger) {
    this.logger = logger.child({ context: ProblemFilter.name });
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<DeliveryRequest>();
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const path = (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';
    if (
      exception instanceof HttpException &&
      exception.getStatus() !== 404 &&
      !path.startsWith('/v1/')
    ) {
      sendJson(response, exception.getStatus(), exception.getResponse());
      return;
    }
    const error = this.toApiError(exception, path);
    const retryAfter: Record<string, string> =
      error.code === 'DATABASE_UNAVAILABLE' ? { 'Retry-After': '5' } : {};
    sendJson(
      response,
      STATUS_BY_CODE[error.code],
      error.pointer === undefined
        ? { code: error.code, message: error.message }
        : { code: error.code, message: error.message, pointer: error.pointer },
      retryAfter,
    );
  }

  private toApiError(exception: unknown, path: string): DeliveryApiError {
    if (exception instanceof DeliveryApiError) return exception;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404)
        return new DeliveryApiError({ code: 'ROUTE_NOT_FOUND', message: 'no such route' });
      if (status === 400)
        return new DeliveryApiError({
          code: 'MALFORMED_JSON',
          message: 'the body is not valid JSON',
        });
      if (status === 413)
        return new DeliveryApiError({ code: 'INVALID_REQUEST', message: 'the body is too large' });
    }
    if (isDatabaseFailure(exception)) {
      this.logger.warn({ err: exception, path }, 'Database unavailable; answered 503');
      return new DeliveryApiError({
        code: 'DATABASE_UNAVAILABLE',
        message: 'the database cannot be reached; try again shortly',
      });
    }
    this.logger.error({ err: exception, path }, 'Unexpected error while handling a request');
    return new DeliveryApiError({
      code: 'INTERNAL_ERROR',
      message: 'the request could not be handled',
    });
  }
}

/** A driver or pool failure (connection refused, pool closed, query failed on the server). */
function isDatabaseFailure(error: unknown): boolean {
  const name = error instanceof Error ? error.constructor.name : '';
  const code = (error as { code?: unknown })?.code;
  return (
    name === 'QueryFailedError' ||
    name === 'ConnectionIsNotSetError' ||
    (typeof code === 'string' && /^(ECONNREFUSED|57P0[1-3]|08\d{3})$/.test(code))
  );
}
