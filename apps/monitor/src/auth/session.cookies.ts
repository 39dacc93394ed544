import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';
import { SUPPORT_ROLES, type SupportRole } from '@rtw/ingress';
import type { ConsoleSession } from './console-session.types';
import type { PendingLogin } from './oidc.login';
import { SessionSealer } from './session.sealer';

export const SESSION_COOKIE = 'rtw_monitor_session';
export const LOGIN_COOKIE = 'rtw_monitor_login';
const LOGIN_TTL_S = 600;

/**
 * The console's two cookies (ADR 0091), both encrypted, http-only and SameSite=Lax (the login
 * callback is a top-level navigation back from the provider; Lax sends them then and never on a
 * cross-site POST): the session, and the login in progress (state, nonce, PKCE verifier).
 */
export class SessionCookies {
  private readonly sessions: SessionSealer;
  private readonly logins: SessionSealer;

  constructor(private readonly options: { secret: string; ttlSeconds: number; secure: boolean }) {
    this.sessions = new SessionSealer(options.secret, 'rtw-monitor-session');
    this.logins = new SessionSealer(options.secret, 'rtw-monitor-login');
  }

  async readSession(request: Request): Promise<ConsoleSession | undefined> {
    const payload = await this.sessions.open(this.cookiesOf(request)[SESSION_COOKIE]);
    if (!payload) return undefined;
    const { subject, name, roles, insurer, csrf } = payload as Record<string, unknown>;
    if (typeof subject !== 'string' || typeof csrf !== 'string' || !Array.isArray(roles))
      return undefined;
    return {
      subject,
      name: typeof name === 'string' ? name : subject,
      roles: roles.filter((role): role is SupportRole =>
        SUPPORT_ROLES.includes(role as SupportRole),
      ),
      insurer: typeof insurer === 'string' ? insurer : null,
      csrf,
    };
  }

  async writeSession(response: Response, session: ConsoleSession): Promise<void> {
    const value = await this.sessions.seal({ ...session }, this.options.ttlSeconds);
    this.append(response, SESSION_COOKIE, value, this.options.ttlSeconds);
  }

  clearSession(response: Response): void {
    this.append(response, SESSION_COOKIE, '', 0);
  }

  async readLogin(request: Request): Promise<PendingLogin | undefined> {
    const payload = await this.logins.open(this.cookiesOf(request)[LOGIN_COOKIE]);
    const { state, nonce, codeVerifier } = (payload ?? {}) as Record<string, unknown>;
    if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string')
      return undefined;
    return { state, nonce, codeVerifier };
  }

  async writeLogin(response: Response, pending: PendingLogin): Promise<void> {
    this.append(
      response,
      LOGIN_COOKIE,
      await this.logins.seal({ ...pending }, LOGIN_TTL_S),
      LOGIN_TTL_S,
    );
  }

  clearLogin(response: Response): void {
    this.append(response, LOGIN_COOKIE, '', 0);
  }

  private cookiesOf(request: Request): Record<string, string | undefined> {
    return parse(request.headers.cookie ?? '');
  }

  private append(response: Response, name: string, value: string, maxAge: number): void {
    response.append(
      'Set-Cookie',
      serialize(name, value, {
        httpOnly: true,
        secure: this.options.secure,
        sameSite: 'lax',
        path: '/',
        maxAge,
      }),
    );
  }
}
