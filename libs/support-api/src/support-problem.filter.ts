import { HttpException, type ArgumentsHost } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { SupportAccessError } from '@rtw/ingress';
import { isConnectionFailure } from '@rtw/persistence';
import type { Logger } from '@rtw/platform';
import { HttpProblemFilter, frameworkProblemOf, sendProblem, type HttpProblem } from '@rtw/runtime';
import type { SupportApiCommonCode } from './support-api.codes';
import type { SupportApiRequest } from './support-api.request';

/** A refusal an API raised itself: its code, plain words, and the body's field at fault. */
export interface ApiRefusal<Code extends string> {
  readonly code: Code;
  readonly message: string;
  readonly pointer?: string;
}

/**
 * The edge of a support API (ADR 0068). Each API subclasses it with its status map and the
 * refusals it raises, and binds it to its controllers (`@UseFilters`) or, to answer unreadable
 * bodies with its own codes too, as its global filter. The rest is the same everywhere: an access
 * refusal keeps its code; a body that is not JSON is MALFORMED_JSON and one too large
 * PAYLOAD_TOO_LARGE when the API lists those codes (the gateway's codes for the same faults); a
 * database outage is a 503 with Retry-After; anything else is a 500, logged without the request's
 * values. Requests outside `/v1/` (health, metrics) are answered as by the runtime's filter.
 */
export abstract class SupportProblemFilter<Code extends string> extends HttpProblemFilter {
  /** The status of every code the API answers with. */
  protected abstract readonly statusByCode: Readonly<Record<Code, number>>;

  /** The API's own refusal in an exception (its error class, a lib error it translates). */
  protected abstract refusalOf(exception: unknown): ApiRefusal<Code> | undefined;

  private readonly apiLogger: Logger;

  protected constructor(logger: Logger, context: string) {
    super(logger);
    this.apiLogger = logger.child({ context });
  }

  override catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<SupportApiRequest>();
    const path = (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith('/v1/')) {
      super.catch(exception, host);
      return;
    }
    const problem = this.problemFor(exception, routeOf(request));
    const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
    if (problem.code === 'DATABASE_UNAVAILABLE') headers['Retry-After'] = '5';
    sendProblem(host.switchToHttp().getResponse<ServerResponse>(), problem, headers);
  }

  private problemFor(exception: unknown, route: string): HttpProblem {
    const refusal =
      exception instanceof SupportAccessError
        ? { code: exception.code as Code, message: exception.message }
        : this.refusalOf(exception);
    if (refusal !== undefined) {
      // Spelled out: an Error's message is not enumerable, so a spread would drop it.
      const { code, message, pointer } = refusal;
      const status = this.statusByCode[code];
      return pointer === undefined ? { status, code, message } : { status, code, message, pointer };
    }
    if (exception instanceof HttpException) return this.frameworkProblem(exception);
    if (isConnectionFailure(exception)) {
      this.apiLogger.warn({ err: exception, route }, 'Database unavailable; answered 503');
      return this.common(
        'DATABASE_UNAVAILABLE',
        'the database cannot be reached; try again shortly',
      );
    }
    this.apiLogger.error({ err: exception, route }, 'Unexpected error while handling a request');
    return this.common('INTERNAL_ERROR', 'the request could not be handled');
  }

  /** A framework refusal: the body parser's, with the API's codes when it lists them. */
  private frameworkProblem(exception: HttpException): HttpProblem {
    const statuses = this.statusByCode as Readonly<Record<string, number>>;
    const status = exception.getStatus();
    if (exception.cause instanceof URIError) return frameworkProblemOf(exception);
    if (status === 400 && statuses['MALFORMED_JSON'] === 400)
      return { status, code: 'MALFORMED_JSON', message: 'the body is not valid JSON' };
    if (status === 413 && statuses['PAYLOAD_TOO_LARGE'] === 413)
      return { status, code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' };
    return frameworkProblemOf(exception);
  }

  private common(code: SupportApiCommonCode, message: string): HttpProblem {
    return { status: (this.statusByCode as Record<string, number>)[code] ?? 500, code, message };
  }
}

/** The route template the request matched (never the raw path, which may hold ids). */
function routeOf(request: SupportApiRequest): string {
  return typeof request.route?.path === 'string' ? request.route.path : 'unmatched';
}
