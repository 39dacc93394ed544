import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  SupportAccessError,
  SupportAuthenticator,
  requireRole,
  type SupportRole,
} from '@rtw/ingress';
import { DeliveryApiError } from './delivery-api.error';
import type { DeliveryRequest } from './delivery.request';

/** Marks a handler with the role it needs (viewer by default). */
export const RequiresRole = Reflector.createDecorator<SupportRole>();

/**
 * Authenticates the support API (ADR 0061) with `@rtw/ingress`'s SupportAuthenticator: a bearer
 * JWT of an organisation of kind `support`, roles from its `rtw_roles` claim. An operator action
 * (replay, pause, resume) needs the operator role, a `sub` naming the person, and a token never
 * used before.
 */
@Injectable()
export class SupportGuard implements CanActivate {
  constructor(
    private readonly authenticator: SupportAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<DeliveryRequest>();
    const required = this.reflector.get(RequiresRole, context.getHandler()) ?? 'viewer';
    try {
      const actor = await this.authenticator.authenticate(request.headers.authorization, {
        singleUse: required === 'operator',
      });
      requireRole(actor, required);
      request.actor = actor;
    } catch (error) {
      if (error instanceof SupportAccessError)
        throw new DeliveryApiError({ code: error.code, message: error.message });
      throw error;
    }
    return true;
  }
}
