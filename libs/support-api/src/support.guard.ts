import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SupportAuthenticator, requireRole, requireSubject, type SupportRole } from '@rtw/ingress';
import type { SupportApiRequest } from './support-api.request';

/** Marks a handler with the role it needs (viewer when absent). */
export const RequiresRole = Reflector.createDecorator<SupportRole>();

/**
 * Authenticates a support API (ADR 0061) with `@rtw/ingress`'s SupportAuthenticator, which each
 * app provides with its own audience: a bearer JWT of an organisation of kind `support`, roles
 * from its `rtw_roles` claim. An operator act (replay, pause, freeze, submit) needs the operator
 * role, a `sub` naming the person (it is audited) and a token never used before. Refusals are
 * SupportAccessErrors, which the API's problem filter answers with their codes.
 */
@Injectable()
export class SupportGuard implements CanActivate {
  constructor(
    private readonly authenticator: SupportAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<SupportApiRequest>();
    const required = this.reflector.get(RequiresRole, context.getHandler()) ?? 'viewer';
    const actor = await this.authenticator.authenticate(request.headers.authorization, {
      singleUse: required === 'operator',
    });
    requireRole(actor, required);
    request.actor = required === 'operator' ? requireSubject(actor) : actor;
    return true;
  }
}
