import { timingSafeEqual } from 'node:crypto';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { SupportRole } from '@rtw/ingress';
import { ConsoleAuditService } from '../audit/console-audit.service';
import { MonitorApiError } from '../http/monitor-api.error';
import { BearerTokenVerifier } from './bearer-token.verifier';
import { ConsoleOrigin } from './console-url';
import {
  actorOf,
  hasRole,
  type ConsoleRequest,
  type ConsoleSession,
} from './console-session.types';
import { HUB_STAFF_ONLY, PUBLIC_ROUTE, REQUIRED_ROLE } from './public-route.decorator';
import { SessionCookies } from './session.cookies';

/** Routes of the runtime (no decorators of ours) that must answer without a login. */
const PUBLIC_PATHS = [/^\/health(\/|$)/, /^\/metrics$/];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The monitor's one door (ADR 0091), registered as APP_GUARD so every controller of every module
 * (the overview's too) is behind it unless marked {@link PublicRoute} or listed above:
 * a valid session cookie (401 otherwise); on a state change, the request's Origin must be the
 * console's and its `X-CSRF-Token` the session's (403 CSRF_INVALID). Or, for the `rtw` CLI, an
 * `Authorization: Bearer` access token of the same identity provider (ADR 0100): no cookie is
 * involved, so no CSRF token either, and an invalid token is a 401 with its reason code, even
 * when a cookie comes with it. Then, for both, the route's role
 * (403 ROLE_REQUIRED, audited) and hub-staff-only mark (403 HUB_STAFF_ONLY, audited).
 */
@Injectable()
export class ConsoleAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly cookies: SessionCookies,
    private readonly audit: ConsoleAuditService,
    private readonly console: ConsoleOrigin,
    private readonly tokens: BearerTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (PUBLIC_PATHS.some((path) => path.test(request.path))) return true;
    const authorization = request.headers.authorization;
    const session =
      authorization === undefined
        ? await this.cookies.readSession(request)
        : await this.bearer(authorization, context.switchToHttp().getResponse<Response>());
    if (!session)
      throw new MonitorApiError({
        code: 'AUTHENTICATION_REQUIRED',
        message: 'log in to use the console',
      });
    if (session.via === undefined && !SAFE_METHODS.has(request.method))
      this.checkCsrf(request, session);
    request.consoleSession = session;
    const role = this.reflector.getAllAndOverride<SupportRole | undefined>(REQUIRED_ROLE, targets);
    if (role && !hasRole(session, role))
      await this.refuse(request, session, 'ROLE_REQUIRED', `this action needs the ${role} role`);
    if (
      this.reflector.getAllAndOverride<boolean>(HUB_STAFF_ONLY, targets) &&
      session.insurer !== null
    )
      await this.refuse(
        request,
        session,
        'HUB_STAFF_ONLY',
        "only the hub operator's staff see every insurer's flows",
      );
    return true;
  }

  /** The token's person; a refused token says why in `WWW-Authenticate` too (RFC 6750). */
  private async bearer(authorization: string, response: Response): Promise<ConsoleSession> {
    const [scheme, token, ...rest] = authorization.split(' ');
    try {
      if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0)
        throw new MonitorApiError({
          code: 'TOKEN_INVALID',
          message: 'send the access token as "Authorization: Bearer <token>"',
        });
      return await this.tokens.verify(token);
    } catch (error) {
      if (error instanceof MonitorApiError && error.status === 401)
        response.setHeader(
          'WWW-Authenticate',
          `Bearer realm="rtw-monitor", error="invalid_token", error_description="${error.code}"`,
        );
      throw error;
    }
  }

  private checkCsrf(request: ConsoleRequest, session: ConsoleSession): void {
    const origin = request.headers.origin;
    const token = request.headers['x-csrf-token'];
    const sameOrigin = origin === undefined || origin === this.console.origin;
    if (!sameOrigin || typeof token !== 'string' || !equal(token, session.csrf))
      throw new MonitorApiError({
        code: 'CSRF_INVALID',
        message: 'a change must come from the console with its CSRF token; reload the page',
      });
  }

  private async refuse(
    request: ConsoleRequest,
    session: ConsoleSession,
    code: 'ROLE_REQUIRED' | 'HUB_STAFF_ONLY',
    message: string,
  ): Promise<never> {
    await this.audit.denied({
      ...actorOf(session),
      target: request.path,
      detail: { method: request.method, code },
    });
    throw new MonitorApiError({ code, message });
  }
}

function equal(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
