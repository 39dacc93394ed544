import type { Request } from 'express';
import type { SupportRole } from '@rtw/ingress';

/** A logged-in person, as the encrypted session cookie carries them (ADR 0091). */
export interface ConsoleSession {
  /** The ID token's `sub` at the organisation's identity provider: who acts, in every audit row. */
  readonly subject: string;
  /** Display name for the console's header; never logged. */
  readonly name: string;
  readonly roles: readonly SupportRole[];
  /** The insurer whose staff this person is; null for the hub operator's staff. */
  readonly insurer: string | null;
  /** The session's CSRF token, sent back in `X-CSRF-Token` on every state change. */
  readonly csrf: string;
  /**
   * How the person came in: the console's session cookie, or a bearer access token (the `rtw`
   * CLI, ADR 0100), then with the OAuth client it was issued to. Absent means the console.
   */
  readonly via?: { readonly channel: 'token'; readonly clientId: string | null };
}

/** Who acted, as every audit row records them (ADR 0092), with the channel (ADR 0100). */
export interface ConsoleActor {
  readonly subject: string;
  readonly insurer: string | null;
  readonly roles: readonly SupportRole[];
  readonly channel: 'console' | 'token';
  readonly clientId: string | null;
}

/** What a caller may see: an insurer's staff only their insurer's dossiers; null = hub staff. */
export interface CallerScope {
  readonly insurer: string | null;
}

/** A request the console access guard let through. */
export interface ConsoleRequest extends Request {
  consoleSession?: ConsoleSession;
}

/**
 * The caller's scope, for controllers of other modules (the overview filters deadlines per
 * insurer with it). The global guard has authenticated every non-public route before any
 * controller runs; a request without a session here is a wiring mistake, so it throws.
 */
export function callerScope(request: Request): CallerScope {
  const session = (request as ConsoleRequest).consoleSession;
  if (!session)
    throw new Error('callerScope used on a route the console access guard did not check');
  return { insurer: session.insurer };
}

/** The session the guard attached (same contract as {@link callerScope}). */
export function sessionOf(request: Request): ConsoleSession {
  const session = (request as ConsoleRequest).consoleSession;
  if (!session) throw new Error('sessionOf used on a route the console access guard did not check');
  return session;
}

/** True when the person holds the role (an operator or privacy officer also holds viewer). */
export function hasRole(session: ConsoleSession, role: SupportRole): boolean {
  return session.roles.includes(role);
}

/** The acting person of a session, for an audit row. */
export function actorOf(session: ConsoleSession): ConsoleActor {
  return {
    subject: session.subject,
    insurer: session.insurer,
    roles: session.roles,
    channel: session.via?.channel ?? 'console',
    clientId: session.via?.clientId ?? null,
  };
}
