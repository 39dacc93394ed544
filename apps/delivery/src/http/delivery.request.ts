import type { IncomingMessage } from 'node:http';
import { SupportAccessError, requireSubject, type SupportActor } from '@rtw/ingress';
import { DeliveryApiError } from './delivery-api.error';

export { SUPPORT_ROLES, type SupportActor, type SupportRole } from '@rtw/ingress';

/** A request as the delivery API's guards and controllers see it. */
export interface DeliveryRequest extends IncomingMessage {
  actor?: SupportActor;
  originalUrl?: string;
  body?: unknown;
  query?: Record<string, unknown>;
}

/** The actor a guard attached; guards run first, so it is there. */
export function actorOf(request: DeliveryRequest): SupportActor {
  if (!request.actor) throw new Error('no actor on a request that passed authentication');
  return request.actor;
}

/** The actor of an audited change: it must name the person (`sub`). */
export function auditedActorOf(request: DeliveryRequest): SupportActor & { subject: string } {
  try {
    return requireSubject(actorOf(request));
  } catch (error) {
    if (error instanceof SupportAccessError)
      throw new DeliveryApiError({ code: error.code, message: error.message });
    throw error;
  }
}
