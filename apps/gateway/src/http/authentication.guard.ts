import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RequestAuthenticator } from '@rtw/ingress';
import { clientCertificateFingerprint, type GatewayRequest } from './gateway.request';

/** Authenticates every request to the submission API and attaches the caller (see ADR 0022). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(private readonly authenticator: RequestAuthenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    request.caller = await this.authenticator.authenticate({
      authorization: request.headers.authorization,
      clientCertificateFingerprint: clientCertificateFingerprint(request),
    });
    return true;
  }
}
