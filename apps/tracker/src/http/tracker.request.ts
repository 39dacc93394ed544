import type { IncomingMessage } from 'node:http';
import type { SupportActor } from '@rtw/ingress';

/** A request as the tracker API's guard and controllers see it. */
export interface TrackerRequest extends IncomingMessage {
  actor?: SupportActor;
  query?: Record<string, unknown>;
  route?: { path?: string };
}

/** The actor the guard attached; guards run first, so it is there. */
export function actorOf(request: TrackerRequest): SupportActor {
  if (!request.actor) throw new Error('no actor on a request that passed authentication');
  return request.actor;
}
