import { createHash } from 'node:crypto';
import {
  TOPICS,
  childTraceparent,
  createCloudEvent,
  notifyTopic,
  toKafkaMessage,
  type CloudEvent,
} from '@rtw/messaging';
import type { OutboxMessage } from '@rtw/persistence';

/** The hub as a CloudEvents source. */
export const HUB_SOURCE = 'urn:rtw:org:hub';

/**
 * An accepted event, re-published as is (same id, source and attributes, so consumers deduplicate
 * on them) to the dossier topic every connector reads, and to the owning insurer's topic.
 */
export function acceptedMessages(event: CloudEvent, insurer: string): OutboxMessage[] {
  const message = toKafkaMessage(event);
  return [
    { topic: TOPICS.dossierEvents, ...message },
    { topic: notifyTopic(insurer), ...message },
  ];
}

/** A refusal of the tracker, as `be.rtw.event.rejected`, for the publisher's insurer topic. */
export function rejectionMessage(args: {
  refused: CloudEvent;
  insurer: string;
  code: string;
  message: string;
  now: Date;
}): OutboxMessage {
  const { refused } = args;
  const rejection = createCloudEvent({
    // Derived from the refused event, so a rejection sent twice carries the same id.
    id: `rejection-${digest(`${refused.source}/${refused.id}`)}`,
    source: HUB_SOURCE,
    type: 'be.rtw.event.rejected',
    subject: refused.subject,
    time: args.now.toISOString(),
    dataschema: 'urn:rtw:schema:be.rtw.event.rejected:v1',
    insurer: args.insurer,
    ...(refused.correlationid ? { correlationid: refused.correlationid } : {}),
    ...(refused.traceparent ? { traceparent: childTraceparent(refused.traceparent) } : {}),
    data: {
      rejectedEventId: refused.id,
      rejectedEventType: refused.type,
      reasonCode: args.code,
      message: args.message.slice(0, 500),
    },
  });
  return { topic: notifyTopic(args.insurer), ...toKafkaMessage(rejection) };
}

/** A hub event about a dossier (deadline, delivery failure) for the dossier topic and the insurer. */
export function hubEventMessages(
  event: CloudEvent,
  targets: { dossierTopic: boolean; insurer: string },
): OutboxMessage[] {
  const message = toKafkaMessage(event);
  return [
    ...(targets.dossierTopic ? [{ topic: TOPICS.dossierEvents, ...message }] : []),
    { topic: notifyTopic(targets.insurer), ...message },
  ];
}

/** A short stable digest for derived ids. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
