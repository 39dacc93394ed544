import { requireSubject, type SupportActor } from '@rtw/ingress';
import { actorOf, type SupportApiRequest } from '@rtw/support-api';

export { SUPPORT_ROLES, type SupportActor, type SupportRole } from '@rtw/ingress';

/** A request as the delivery API's controllers see it. */
export type DeliveryRequest = SupportApiRequest;

/**
 * The actor of an audited change: it must name the person (`sub`). The guard already demands it
 * of operator acts; this gives the type that says so.
 */
export function auditedActorOf(request: DeliveryRequest): SupportActor & { subject: string } {
  return requireSubject(actorOf(request));
}
