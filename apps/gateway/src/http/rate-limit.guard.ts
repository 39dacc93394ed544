import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RateLimiter } from '@rtw/ingress';
import { callerOf, type GatewayRequest } from './gateway.request';

/** One token bucket per organisation; runs after authentication, so the bucket is the caller's. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limiter: RateLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    this.limiter.admit(
      callerOf(context.switchToHttp().getRequest<GatewayRequest>()).organisation.id,
    );
    return true;
  }
}
