// The hub's topics as the contract documentation describes them (AsyncAPI, docs/contracts): who
// writes and reads each one and what it carries. It lives with the topology so that every name
// comes from TOPICS; the contracts lib renders it without knowing Kafka (ADR 0040).
import type { TopicDefinition } from '@rtw/contracts';
import { PARTNERS, TOPICS, dlqTopic, notifyTopic, type Partner } from './topics.constant';

const WRITER_OF_PARTNER_TOPIC: Readonly<Record<Partner, string>> = {
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
      "Events for one insurer's own systems: its dossiers' accepted events, rejections of what it sent, and reminders of its INAMI dataset (written by inami-evaluation).",
    writtenBy: 'tracker',
    readBy: ['insurer systems (that insurer only)'],
    payload: 'insurer-notifications',
  },
];

/** Every topic, each followed by its dead-letter topic (`<topic>.dlq`, same key and payload). */
export const TOPIC_CATALOGUE: readonly TopicDefinition[] = MAIN_TOPICS.flatMap((topic) => [
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
