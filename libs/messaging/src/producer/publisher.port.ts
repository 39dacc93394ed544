import type { IHeaders } from 'kafkajs';
import { toKafkaMessage } from '../cloudevents/cloud-event.binding';
import type { CloudEvent } from '../cloudevents/cloud-event.type';

/** A header value as Kafka carries it (a repeated header is an array). */
export type HeaderValue = NonNullable<IHeaders[string]>;

/**
 * A record to publish. Hub records always have a string key (the dossier id) and string headers;
 * the wider types exist so that a dead-letter copy can keep a foreign record byte for byte.
 */
export interface OutgoingMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: Record<string, HeaderValue>;
}

/**
 * The port for writing to topics (outbox relay, dead-letter writer, apps). `publish` resolves only
 * once the broker has durably acknowledged every message, in order, or rejects.
 */
export interface Publisher {
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  /**
   * Publishes to several topics in one request per broker; each topic's messages keep their
   * order. All or nothing for the caller: a rejection means any of them may have to be sent again.
   */
  publishAll?(batches: TopicBatch[]): Promise<void>;
}

/** The messages of one topic in a {@link Publisher.publishAll} call, in order. */
export interface TopicBatch {
  topic: string;
  messages: OutgoingMessage[];
}

/** Publishes CloudEvents in binary mode through any {@link Publisher}. */
export function publishEvents(
  publisher: Publisher,
  topic: string,
  events: CloudEvent[],
): Promise<void> {
  return publisher.publish(topic, events.map(toKafkaMessage));
}
