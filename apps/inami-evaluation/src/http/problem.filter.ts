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
import { VersionError } from '../versions/version.error';
import { STATUS_BY_CODE } from './inami-api.codes';
import { InamiApiError } from './inami-api.error';
import type { InamiRequest } from './inami.request';

/**
 * The edge of the INAMI evaluation API: every error becomes `{ code, message }` with its code's
 * status (never a 5xx for bad input). Framework errors outside `/v1` keep their own body.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger: Logger;

  constructor(@Inject(HUB_LOGGER) logger: Logger) {
    this.logger = logger.child({ context: ProblemFilter.name });
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<InamiRequest>();
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const path = (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';
    if (
      exception instanceof HttpException &&
      exception.getStatus() !== 404 &&
      !path.startsWith('/v1/')
    ) {
      json(response, exception.getStatus(), exception.getResponse());
      return;
    }
    const error = this.toApiError(exception, path);
    json(response, STATUS_BY_CODE[error.code], { code: error.code, message: error.message });
  }

  private toApiError(exception: unknown, path: string): InamiApiError {
    if (exception instanceof InamiApiError) return exception;
    if (exception instanceof VersionError)
      return new InamiApiError({ code: exception.code, message: exception.message });
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404)
        return new InamiApiError({ code: 'ROUTE_NOT_FOUND', message: 'no such route' });
      if (status === 400)
        return new InamiApiError({ code: 'MALFORMED_JSON', message: 'the body is not valid JSON' });
    }
    const code = (exception as { code?: unknown })?.code;
    if (typeof code === 'string' && /^(ECONNREFUSED|57P0[1-3]|08\d{3})$/.test(code)) {
      this.logger.warn({ err: exception, path }, 'Database unavailable; answered 503');
      return new InamiApiError({
        code: 'DATABASE_UNAVAILABLE',
        message: 'the database cannot be reached',
      });
    }
    this.logger.error({ err: exception, path }, 'Unexpected error while handling a request');
    return new InamiApiError({
      code: 'INTERNAL_ERROR',
      message: 'the request could not be handled',
    });
  }
}

function json(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(text);
}
