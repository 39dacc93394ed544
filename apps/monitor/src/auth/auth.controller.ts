import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MonitorApiError } from '../http/monitor-api.error';
import { sessionOf } from './console-session.types';
import { PublicUrl } from './console-url';
import { OidcLogin } from './oidc.login';
import { PublicRoute } from './public-route.decorator';
import { SessionCookies } from './session.cookies';

/** Where the identity provider sends people back (registered there as the redirect URI). */
export const CALLBACK_PATH = '/auth/callback';

/** Login through the organisation's OpenID provider, the session, and logout (ADR 0090, 0091). */
@Controller()
export class AuthController {
  constructor(
    private readonly login: OidcLogin,
    private readonly cookies: SessionCookies,
    private readonly publicUrl: PublicUrl,
  ) {}

  @Get('login')
  @PublicRoute()
  async startLogin(@Res() response: Response): Promise<void> {
    const { url, pending } = await this.login.start();
    await this.cookies.writeLogin(response, pending);
    response.redirect(303, url);
  }

  @Get(CALLBACK_PATH)
  @PublicRoute()
  async finishLogin(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pending = await this.cookies.readLogin(request);
    this.cookies.clearLogin(response);
    if (!pending)
      throw new MonitorApiError({
        code: 'LOGIN_FAILED',
        message: 'the login expired or was started elsewhere; log in again',
      });
    // The URL the provider redirected to, rebuilt on the public origin (state and code in it).
    const callback = new URL(request.originalUrl, this.publicUrl.href);
    const session = await this.login.finish(callback, pending);
    await this.cookies.writeSession(response, session);
    response.redirect(303, '/');
  }

  @Post('logout')
  @HttpCode(204)
  logout(@Res({ passthrough: true }) response: Response): void {
    this.cookies.clearSession(response);
  }

  /** Who is logged in, their roles and scope, and the CSRF token the console sends back. */
  @Get('v1/session')
  session(@Req() request: Request): Record<string, unknown> {
    const session = sessionOf(request);
    return {
      subject: session.subject,
      name: session.name,
      roles: session.roles,
      insurer: session.insurer,
      csrfToken: session.csrf,
    };
  }
}
