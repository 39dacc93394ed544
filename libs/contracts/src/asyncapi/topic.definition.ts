// What the AsyncAPI document needs to know about a topic, and which canonical events each kind of
// topic carries. The topics themselves are an input: their names and roles belong to the topology
// (@rtw/messaging's topic catalogue), and contracts knows nothing of Kafka (ADR 0040).

/** Event types produced by the hub itself (source `urn:rtw:org:hub`), never accepted inbound. */
export const HUB_PRODUCED_TYPES: readonly string[] = [
  'be.rtw.event.rejected',
  'be.rtw.deadline.due-soon',
  'be.rtw.deadline.missed',
  'be.rtw.delivery.succeeded',
  'be.rtw.delivery.failed',
  'be.rtw.partner-message.prepared',
  'be.rtw.partner-message.withheld',
  'be.rtw.dossier.purged',
  'be.rtw.inami-dataset.due',
];

/** The one type on the partner topics: a connector's message for delivery (bodies in the partner contract). */
export const PARTNER_MESSAGE_TYPE = 'be.rtw.partner-message.prepared';

/** Hub events the tracker publishes on the dossier topic next to the accepted events. */
const HUB_DOSSIER_TYPES: readonly string[] = [
  'be.rtw.deadline.due-soon',
  'be.rtw.deadline.missed',
  'be.rtw.dossier.purged',
];

/** Which canonical events a topic carries (partner topics carry partner contracts instead). */
export type TopicPayload =
  | 'inbound-events'
  | 'accepted-events'
  | 'insurer-notifications'
  | 'delivery-receipts'
  | 'partner-messages';

/** One topic (or topic family, with `{insurer}` in its address) as the documentation describes it. */
export interface TopicDefinition {
  readonly address: string;
  readonly description: string;
  readonly writtenBy: string;
  readonly readBy: readonly string[];
  readonly payload: TopicPayload;
  /** Set on dead-letter topics: the address of the topic whose failures they hold. */
  readonly deadLetterOf?: string;
}

/** The canonical event types a topic carries, from the full list of types. */
export function eventTypesOn(topic: TopicDefinition, allTypes: readonly string[]): string[] {
  const external = allTypes.filter((t) => !HUB_PRODUCED_TYPES.includes(t));
  switch (topic.payload) {
    case 'inbound-events':
      return external;
    case 'accepted-events':
      return [...external, ...HUB_DOSSIER_TYPES].filter((t) => allTypes.includes(t));
    case 'insurer-notifications':
      return allTypes.filter(
        (t) => !t.startsWith('be.rtw.delivery.') && t !== PARTNER_MESSAGE_TYPE,
      );
    case 'delivery-receipts':
      return allTypes.filter((t) => t.startsWith('be.rtw.delivery.'));
    case 'partner-messages':
      return allTypes.filter((t) => t === PARTNER_MESSAGE_TYPE);
  }
}
