// The Kafka topics described for the AsyncAPI document: who writes and reads each one, and what it
// carries. The names come from @rtw/messaging's TOPICS constant, the one source of topic names.
import { PARTNERS, TOPICS, dlqTopic, notifyTopic } from '@rtw/messaging';

export { PARTNERS };

/** Event types produced by the hub itself (source `urn:rtw:org:hub`), never accepted inbound. */
export const HUB_PRODUCED_TYPES: readonly string[] = [
  'be.rtw.event.rejected',
  'be.rtw.deadline.due-soon',
  'be.rtw.deadline.missed',
  'be.rtw.delivery.succeeded',
  'be.rtw.delivery.failed',
  'be.rtw.partner-message.prepared',
];

/** The one type on the partner topics: a connector's message for delivery (bodies in the partner contract). */
export const PARTNER_MESSAGE_TYPE = 'be.rtw.partner-message.prepared';

/** Which canonical events a topic carries (partner topics carry partner contracts instead). */
export type TopicPayload =
  | 'inbound-events'
  | 'accepted-events'
  | 'insurer-notifications'
  | 'delivery-receipts'
  | 'partner-messages';

/** One Kafka topic (or topic family, with `{insurer}` in its address). */
export interface TopicDefinition {
  readonly address: string;
  readonly description: string;
  readonly writtenBy: string;
  readonly readBy: readonly string[];
  readonly payload: TopicPayload;
  /** Set on dead-letter topics: the address of the topic whose failures they hold. */
  readonly deadLetterOf?: string;
}

const WRITER_OF_PARTNER_TOPIC: Readonly<Record<(typeof PARTNERS)[number], string>> = {
  cpmt: 'cpmt-connector',
  actiris: 'actiris-connector',
  vdab: 'regional-connector',
  forem: 'regional-connector',
  adg: 'regional-connector',
  inami: 'inami-evaluation',
};

const MAIN_TOPICS: readonly TopicDefinition[] = [
  {
    address: TOPICS.inboundEvents,
    description: 'Schema-valid, authorised events as received from insurers and partners.',
    writtenBy: 'gateway',
    readBy: ['tracker'],
    payload: 'inbound-events',
  },
  {
    address: TOPICS.dossierEvents,
    description:
      'Events the tracker accepted, in order per dossier, plus legal-clock events; the fan-out point.',
    writtenBy: 'tracker',
    readBy: [
      'cpmt-connector',
      'actiris-connector',
      'regional-connector',
      'inami-evaluation',
      'monitor',
    ],
    payload: 'accepted-events',
  },
  ...PARTNERS.map((partner) => ({
    address: TOPICS.outbound[partner],
    description: `Messages for ${partner} (be.rtw.partner-message.prepared), built by its connector to the partner contract in schemas/partners/${partner}; delivery sends them.`,
    writtenBy: WRITER_OF_PARTNER_TOPIC[partner],
    readBy: ['delivery'],
    payload: 'partner-messages' as const,
  })),
  {
    address: TOPICS.deliveryReceipts,
    description: 'Outcome of each partner delivery.',
    writtenBy: 'delivery',
    readBy: ['tracker', 'monitor'],
    payload: 'delivery-receipts',
  },
  {
    // notifyTopic('000') with the code replaced by the AsyncAPI parameter.
    address: notifyTopic('000').replace('000', '{insurer}'),
    description:
      "Events for one insurer's own systems: its dossiers' accepted events and rejections of what it sent.",
    writtenBy: 'tracker',
    readBy: ['insurer systems (that insurer only)'],
    payload: 'insurer-notifications',
  },
];

/** Every topic, each followed by its dead-letter topic (`<topic>.dlq`, same key and payload). */
export const TOPIC_DEFINITIONS: readonly TopicDefinition[] = MAIN_TOPICS.flatMap((topic) => [
  topic,
  {
    ...topic,
    address: dlqTopic(topic.address),
    description: `Messages from ${topic.address} that failed processing, with error headers; replayed from the monitor.`,
    writtenBy: 'whoever failed to process them',
    readBy: ['monitor'],
    deadLetterOf: topic.address,
  },
]);

/** The canonical event types a topic carries, from the full list of types. */
export function eventTypesOn(topic: TopicDefinition, allTypes: readonly string[]): string[] {
  const external = allTypes.filter((t) => !HUB_PRODUCED_TYPES.includes(t));
  switch (topic.payload) {
    case 'inbound-events':
      return external;
    case 'accepted-events':
      return [...external, 'be.rtw.deadline.due-soon', 'be.rtw.deadline.missed'].filter((t) =>
        allTypes.includes(t),
      );
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
