import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IngressError, TokenAuthenticator, type TokenReplayGuard } from '@rtw/ingress';
import { isDeliveryApiCode } from './delivery-api.codes';
import { DeliveryApiError } from './delivery-api.error';
import {
  SUPPORT_ROLES,
  type DeliveryRequest,
  type SupportActor,
  type SupportRole,
} from './delivery.request';

/** Marks a handler with the role it needs (viewer by default). */
export const RequiresRole = Reflector.createDecorator<SupportRole>();

/** Injection token of the register of used token ids (audited actions take single-use tokens). */
export const API_TOKEN_REPLAYS = Symbol('API_TOKEN_REPLAYS');

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/**
 * Authenticates the support API (ADR 0061): a bearer JWT of an organisation of kind `support`
 * (the organisations registry, verified as the gateway does), roles from its `rtw_roles` claim.
 * An operator action (replay, pause, resume) needs the operator role, a `sub` naming the person,
 * and a token never used before.
 */
@Injectable()
export class SupportGuard implements CanActivate {
  constructor(
    private readonly tokens: TokenAuthenticator,
    private readonly reflector: Reflector,
    @Inject(API_TOKEN_REPLAYS) private readonly replays: TokenReplayGuard,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<DeliveryRequest>();
    const required = this.reflector.get(RequiresRole, context.getHandler()) ?? 'viewer';
    const actor = await this.authenticate(request.headers.authorization, required === 'operator');
    if (!actor.roles.has(required))
      throw new DeliveryApiError({
        code: 'ROLE_REQUIRED',
        message: `this action needs the ${required} role`,
      });
    request.actor = actor;
    return true;
  }

  private async authenticate(
    authorization: string | undefined,
    singleUse: boolean,
  ): Promise<SupportActor> {
    const match = BEARER.exec(authorization ?? '');
    if (!match)
      throw new DeliveryApiError({
        code: 'AUTHENTICATION_REQUIRED',
        message: 'send Authorization: Bearer <token>',
      });
    let caller;
    try {
      caller = await this.tokens.authenticate(match[1]!);
    } catch (error) {
      if (error instanceof IngressError && isDeliveryApiCode(error.code))
        throw new DeliveryApiError({ code: error.code, message: error.message });
      throw error;
    }
    if (caller.organisation.kind !== 'support')
      throw new DeliveryApiError({
        code: 'ORGANISATION_NOT_SUPPORT',
        message: 'only support organisations use the delivery API',
      });
    if (
      singleUse &&
      caller.token &&
      !(await this.replays.claim(
        caller.organisation.source,
        caller.token.id,
        caller.token.expiresAt,
      ))
    )
      throw new DeliveryApiError({ code: 'TOKEN_REPLAYED', message: 'this token was used before' });
    const claims = caller.claims ?? {};
    const subject =
      typeof claims['sub'] === 'string' && claims['sub'] !== '' ? claims['sub'] : undefined;
    return {
      organisation: caller.organisation,
      ...(subject ? { subject } : {}),
      roles: rolesOf(claims['rtw_roles']),
    };
  }
}

/** The known roles of an `rtw_roles` claim (an array, or a space-separated string). */
export function rolesOf(claim: unknown): Set<SupportRole> {
  const listed = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(' ') : [];
  const roles = new Set<SupportRole>(
    listed.filter((role): role is SupportRole =>
      (SUPPORT_ROLES as readonly unknown[]).includes(role),
    ),
  );
  // An operator or a privacy officer can also look.
  if (roles.size > 0) roles.add('viewer');
  return roles;
}
