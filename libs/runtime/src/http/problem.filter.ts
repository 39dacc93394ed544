import {
  Catch,
  HttpException,
  Inject,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER } from '../bootstrap/tokens';
import { httpProblem, type HttpProblem } from './http-problem.codes';
import { sendProblem } from './problem.response';

/**
 * The problem an error becomes at the HTTP edge of any hub process. Core code never throws
 * HttpException (STYLE.md), so one here comes from the framework: its router (no route: 404; a
 * path whose percent-encoding does not decode: a 400 caused by a URIError) or a body parser.
 * Anything else reaching the edge is a bug: INTERNAL_ERROR, without its class or message.
 */
export function problemOf(exception: unknown): HttpProblem {
  if (!(exception instanceof HttpException))
    return httpProblem('INTERNAL_ERROR', 'the request could not be handled');
  if (exception.cause instanceof URIError)
    return httpProblem('MALFORMED_PATH', 'the path has malformed percent-encoding');
  switch (exception.getStatus()) {
    case 404:
      return httpProblem('ROUTE_NOT_FOUND', 'no such route');
    case 408:
      return httpProblem('REQUEST_TIMEOUT', 'the request was not received in time');
    case 413:
      return httpProblem('PAYLOAD_TOO_LARGE', 'the request body is too large');
    case 415:
      return httpProblem('UNSUPPORTED_MEDIA_TYPE', 'the content type is not supported');
    case 431:
      return httpProblem('HEADERS_TOO_LARGE', 'the request headers are too large');
  }
  return exception.getStatus() < 500
    ? httpProblem('MALFORMED_REQUEST', 'the request could not be read')
    : httpProblem('INTERNAL_ERROR', 'the request could not be handled');
}

/**
 * The global exception filter of every hub process: unknown routes, unreadable requests and
 * unhandled errors are answered `{ code, message }` with a runtime problem code, never with the
 * framework's default body. An app with richer refusals binds its own filter to its controllers
 * (`@UseFilters`), which Nest tries before this one: there is one global filter, so no ordering
 * between global filters to get wrong. A body a handler composed itself (the readiness report of
 * `/health/ready`, answered 503) is sent as it is.
 */
@Catch()
export class HttpProblemFilter implements ExceptionFilter {
  private readonly logger: Logger;

  constructor(@Inject(HUB_LOGGER) logger: Logger) {
    this.logger = logger.child({ context: HttpProblemFilter.name });
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<ServerResponse>();
    if (exception instanceof HttpException && hasComposedBody(exception)) {
      sendComposed(response, exception);
      return;
    }
    const problem = problemOf(exception);
    if (problem.status >= 500) {
      const request = http.getRequest<IncomingMessage & { route?: { path?: unknown } }>();
      this.logger.error(
        { err: exception, method: request.method, route: routeOf(request) },
        'Unhandled error while handling a request',
      );
    }
    sendProblem(response, problem);
  }
}

/** The route template the request matched (never the raw path, which may hold ids). */
function routeOf(request: { route?: { path?: unknown } }): string {
  return typeof request.route?.path === 'string' ? request.route.path : 'unmatched';
}

/** Nest's default bodies carry `statusCode`; a handler's own body (a health report) does not. */
function hasComposedBody(exception: HttpException): boolean {
  const body = exception.getResponse();
  return typeof body === 'object' && body !== null && !('statusCode' in body);
}

function sendComposed(response: ServerResponse, exception: HttpException): void {
  if (response.headersSent) return;
  const body = JSON.stringify(exception.getResponse());
  response.statusCode = exception.getStatus();
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
}
