import type { IncomingMessage } from 'node:http';
import type { SupportActor } from '@rtw/ingress';

/** A request as a support API's guard, filter and controllers see it. */
export interface SupportApiRequest extends IncomingMessage {
  /** Set by {@link SupportGuard} before any handler runs. */
  actor?: SupportActor;
  originalUrl?: string;
  body?: unknown;
  query?: Record<string, unknown>;
  route?: { path?: unknown };
}

/** The actor the guard attached; guards run first, so it is there. */
export function actorOf(request: SupportApiRequest): SupportActor {
  if (!request.actor) throw new Error('no actor on a request that passed authentication');
  return request.actor;
}
