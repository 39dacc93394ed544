import {
  Catch,
  HttpException,
  Inject,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { AuditTrail, IngressError, type ReasonCode } from '@rtw/ingress';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER } from '@rtw/runtime';
import type { GatewayRequest } from './gateway.request';
import { sendJson } from './json.response';
import { statusOf } from './reason-status.map';

// Refusals of a whole request that are audited; throttling and outages are counted, not audited
// (an audit write per throttled request would hand the database the load the limit keeps out).
const NOT_AUDITED = new Set<ReasonCode>([
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'ROUTE_NOT_FOUND',
  'EVENT_NOT_FOUND',
]);

/**
 * The edge of the API: every error becomes `{ code, message, pointer? }` with the status of its
 * code (and Retry-After when waiting helps). Framework errors outside `/v1` (health checks) keep
 * their own response.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger: Logger;

  constructor(
    private readonly audit: AuditTrail,
    @Inject(HUB_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: ProblemFilter.name });
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<GatewayRequest>();
    const response = host.switchToHttp().getResponse<ServerResponse>();
    if (exception instanceof HttpException && !isApiPath(request)) {
      sendJson(response, exception.getStatus(), exception.getResponse());
      return;
    }
    const error = this.toIngressError(exception, request);
    const headers: Record<string, string> =
      error.retryAfterSeconds === undefined
        ? {}
        : { 'Retry-After': String(error.retryAfterSeconds) };
    this.recordRefusal(request, error.code);
    sendJson(
      response,
      statusOf(error.code),
      error.pointer === undefined
        ? { code: error.code, message: error.message }
        : { code: error.code, message: error.message, pointer: error.pointer },
      headers,
    );
  }

  private toIngressError(exception: unknown, request: GatewayRequest): IngressError {
    if (exception instanceof IngressError) {
      if (exception.code === 'DATABASE_UNAVAILABLE')
        this.logger.warn(
          { err: exception.cause, path: pathOf(request) },
          'Database unavailable; answered 503',
        );
      return exception;
    }
    if (exception instanceof HttpException && exception.getStatus() === 404)
      return new IngressError({ code: 'ROUTE_NOT_FOUND', message: 'no such route' });
    if (isBodyParserError(exception, request)) {
      // The framework's parser only reads types the API refuses anyway (application/json, forms).
      return new IngressError({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message:
          'content-type must be application/cloudevents+json or application/cloudevents-batch+json',
      });
    }
    this.logger.error(
      { err: exception, path: pathOf(request) },
      'Unexpected error while handling a request',
    );
    return new IngressError({
      code: 'INTERNAL_ERROR',
      message: 'the request could not be handled',
    });
  }

  private recordRefusal(request: GatewayRequest, code: ReasonCode): void {
    if (NOT_AUDITED.has(code) || !isApiPath(request)) return;
    this.audit
      .recordRefusal({ organisationId: request.caller?.organisation.id, channel: 'http', code })
      .catch((error: unknown) => {
        this.logger.warn({ err: error, code }, 'Could not audit a refused request');
      });
  }
}

function pathOf(request: GatewayRequest): string {
  return (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';
}

function isApiPath(request: GatewayRequest): boolean {
  return pathOf(request).startsWith('/v1/');
}

/** The framework's body parser failed (it reports as a 400/413/415 HttpException) on a type we refuse. */
function isBodyParserError(error: unknown, request: GatewayRequest): boolean {
  const parsedByFramework = !(request.headers['content-type'] ?? '')
    .toLowerCase()
    .includes('cloudevents');
  return (
    parsedByFramework &&
    error instanceof HttpException &&
    [400, 413, 415].includes(error.getStatus())
  );
}
