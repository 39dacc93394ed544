import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  SupportAccessError,
  SupportAuthenticator,
  requireRole,
  requireSubject,
  type SupportRole,
} from '@rtw/ingress';
import { InamiApiError } from './inami-api.error';
import type { InamiRequest } from './inami.request';

/** Marks a handler with the role it needs (viewer by default). */
export const RequiresRole = Reflector.createDecorator<SupportRole>();

/**
 * Authenticates the INAMI evaluation API like delivery's support API (ADR 0061) with its own
 * audience: a bearer JWT of a `support` organisation; freezing and submitting need the operator
 * role, a `sub` naming the person (recorded on the version) and a token never used before.
 */
@Injectable()
export class SupportGuard implements CanActivate {
  constructor(
    private readonly authenticator: SupportAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<InamiRequest>();
    const required = this.reflector.get(RequiresRole, context.getHandler()) ?? 'viewer';
    try {
      const actor = await this.authenticator.authenticate(request.headers.authorization, {
        singleUse: required === 'operator',
      });
      requireRole(actor, required);
      request.actor = required === 'operator' ? requireSubject(actor) : actor;
    } catch (error) {
      if (error instanceof SupportAccessError)
        throw new InamiApiError({ code: error.code, message: error.message });
      throw error;
    }
    return true;
  }
}
