import type { IncomingMessage } from 'node:http';
import type { Organisation } from '@rtw/ingress';
import { DeliveryApiError } from './delivery-api.error';

/** What support people may do: look, operate (replay, pause), or see personal data. */
export const SUPPORT_ROLES = ['viewer', 'operator', 'privacy-officer'] as const;
/** One of {@link SUPPORT_ROLES}. */
export type SupportRole = (typeof SUPPORT_ROLES)[number];

/** The authenticated person acting for a support organisation. */
export interface SupportActor {
  readonly organisation: Organisation;
  /** The token's `sub`: who acts (recorded in audit rows); absent if the token has none. */
  readonly subject?: string;
  readonly roles: ReadonlySet<SupportRole>;
}

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
  const actor = actorOf(request);
  if (!actor.subject)
    throw new DeliveryApiError({
      code: 'ACTOR_REQUIRED',
      message: 'audited actions need a token naming the person (sub)',
    });
  return actor as SupportActor & { subject: string };
}
