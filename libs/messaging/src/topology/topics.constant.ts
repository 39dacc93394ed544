// Every topic name of the hub, in one place (grammar `rtw.<area>.<subject>.v<N>`). Decorators and
// apps take names from here; a topic name string anywhere else is a bug waiting to happen.
import { MessagingError } from '../errors/messaging.error';

/** Partners that receive translated messages, one outbound topic each. */
export const PARTNERS = ['cpmt', 'actiris', 'vdab', 'forem', 'adg', 'inami'] as const;

/** A partner code as used in `rtw.outbound.<partner>.v1`. */
export type Partner = (typeof PARTNERS)[number];

/** The fixed topics of the hub; per-insurer topics come from {@link notifyTopic}. */
export const TOPICS = {
  inboundEvents: 'rtw.inbound.events.v1',
  dossierEvents: 'rtw.dossier.events.v1',
  deliveryReceipts: 'rtw.delivery.receipts.v1',
  outbound: {
    cpmt: 'rtw.outbound.cpmt.v1',
    actiris: 'rtw.outbound.actiris.v1',
    vdab: 'rtw.outbound.vdab.v1',
    forem: 'rtw.outbound.forem.v1',
    adg: 'rtw.outbound.adg.v1',
    inami: 'rtw.outbound.inami.v1',
  },
} as const satisfies {
  inboundEvents: string;
  dossierEvents: string;
  deliveryReceipts: string;
  outbound: Record<Partner, string>;
};

const DLQ_SUFFIX = '.dlq';
const INSURER_CODE = /^\d{3}$/;

/**
 * The notification topic of one insurer (`rtw.notify.<insurer>.v1`). Insurer codes are reference
 * data (unions merge and rename), so these topics are derived, not listed.
 */
export function notifyTopic(insurerCode: string): string {
  if (!INSURER_CODE.test(insurerCode)) {
    throw new MessagingError({
      code: 'TOPIC_INVALID',
      message: 'An insurer code has three digits',
    });
  }
  return `rtw.notify.${insurerCode}.v1`;
}

/** The dead-letter topic of a topic (`<topic>.dlq`); dead-letter topics have no DLQ of their own. */
export function dlqTopic(topic: string): string {
  if (isDlqTopic(topic)) {
    throw new MessagingError({
      code: 'TOPIC_INVALID',
      message: `Topic ${topic} is already a dead-letter topic`,
    });
  }
  return `${topic}${DLQ_SUFFIX}`;
}

/** True when the topic is a dead-letter topic. */
export function isDlqTopic(topic: string): boolean {
  return topic.endsWith(DLQ_SUFFIX);
}

/** Every fixed topic name (without DLQs and without per-insurer topics). */
export function fixedTopics(): string[] {
  return [
    TOPICS.inboundEvents,
    TOPICS.dossierEvents,
    ...PARTNERS.map((p) => TOPICS.outbound[p]),
    TOPICS.deliveryReceipts,
  ];
}
