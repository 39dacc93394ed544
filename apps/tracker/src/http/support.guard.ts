import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { SupportAccessError, SupportAuthenticator, requireRole } from '@rtw/ingress';
import { TimelineApiError } from './timeline-api.error';
import type { TrackerRequest } from './tracker.request';

/**
 * Authenticates the tracker's API like delivery's support API (ADR 0061, 0031), with the same
 * `@rtw/ingress` SupportAuthenticator: a bearer JWT of an organisation of kind `support`, with
 * at least one known role in `rtw_roles`. Reading needs no single-use token.
 */
@Injectable()
export class SupportGuard implements CanActivate {
  constructor(private readonly authenticator: SupportAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<TrackerRequest>();
    try {
      const actor = await this.authenticator.authenticate(request.headers.authorization);
      requireRole(actor, 'viewer');
      request.actor = actor;
    } catch (error) {
      if (error instanceof SupportAccessError)
        throw new TimelineApiError({ code: error.code, message: error.message });
      throw error;
    }
    return true;
  }
}
