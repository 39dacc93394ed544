import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { AuditTrail, IngressError, type ReasonCode } from '@rtw/ingress';
import type { Logger } from '@rtw/platform';
import { HUB_LOGGER, sendProblem } from '@rtw/runtime';
import type { GatewayRequest } from './gateway.request';
import { statusOf } from './reason-status.map';

// Refusals of a whole request that are audited; throttling and outages are counted, not audited
// (an audit write per throttled request would hand the database the load the limit keeps out),
// and lookups change nothing.
const NOT_AUDITED = new Set<ReasonCode>([
  'RATE_LIMITED',
  'DATABASE_UNAVAILABLE',
  'INTERNAL_ERROR',
  'ROUTE_NOT_FOUND',
  'EVENT_NOT_FOUND',
  'EVENT_ID_INVALID',
]);

/**
 * The edge of the submission API, bound to its controllers (`@UseFilters`): every error becomes
 * `{ code, message, pointer? }` with the status of its reason code (and Retry-After when waiting
 * helps), and refusals are audited. What happens outside these controllers (unknown routes,
 * unreadable paths) is answered by the runtime's global problem filter with codes the gateway
 * lists too.
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
    const error = this.toIngressError(exception, request);
    const headers: Record<string, string> =
      error.retryAfterSeconds === undefined
        ? {}
        : { 'Retry-After': String(error.retryAfterSeconds) };
    this.recordRefusal(request, error.code);
    sendProblem(
      response,
      {
        status: statusOf(error.code),
        code: error.code,
        message: error.message,
        pointer: error.pointer,
      },
      headers,
    );
  }

  private toIngressError(exception: unknown, request: GatewayRequest): IngressError {
    const route = routeOf(request);
    if (!(exception instanceof IngressError)) {
      this.logger.error({ err: exception, route }, 'Unexpected error while handling a request');
      return new IngressError({
        code: 'INTERNAL_ERROR',
        message: 'the request could not be handled',
      });
    }
    if (exception.code === 'DATABASE_UNAVAILABLE')
      this.logger.warn({ err: exception.cause, route }, 'Database unavailable; answered 503');
    if (exception.code === 'INTERNAL_ERROR')
      this.logger.error(
        { err: exception.cause ?? exception, route },
        'Unexpected error while handling a request',
      );
    return exception;
  }

  private recordRefusal(request: GatewayRequest, code: ReasonCode): void {
    if (NOT_AUDITED.has(code)) return;
    this.audit
      .recordRefusal({ organisationId: request.caller?.organisation.id, channel: 'http', code })
      .catch((error: unknown) => {
        this.logger.warn({ err: error, code }, 'Could not audit a refused request');
      });
  }
}

/** The route template (never the raw path: it may hold an event id). */
function routeOf(request: GatewayRequest): string {
  return request.route?.path ?? 'unmatched';
}
