/** One Kafka record as the outbox hands it to a publisher (same shape as `@rtw/messaging`'s). */
export interface OutboxRecord {
  key: string;
  value: Buffer | string;
  headers: Record<string, string>;
}

/**
 * Port through which the relay publishes; `@rtw/messaging`'s `Publisher` satisfies it. It must
 * resolve only once the broker acknowledged every record (acks=all) and keep their order.
 */
export interface OutboxPublisher {
  publish(topic: string, messages: OutboxRecord[]): Promise<void>;
  /**
   * Optional: several topics in one request, each topic's records in order, all or nothing for
   * the caller. With it the relay publishes a whole multi-bucket batch in one round trip.
   */
  publishAll?(batches: Array<{ topic: string; messages: OutboxRecord[] }>): Promise<void>;
}

/** Header naming the outbox row a record was published from (its `id`, a UUID): ADR 0033. */
export const OUTBOX_ID_HEADER = 'rtw-outbox-id';

/** An outbox row that was handed to the broker once and may or may not be on its topic. */
export interface InDoubtRecord {
  topic: string;
  /** The row's `id`, carried by the record in the {@link OUTBOX_ID_HEADER} header. */
  id: string;
}

/**
 * Port through which the relay learns which rows of an interrupted attempt did reach their topic
 * (ADR 0033); `@rtw/messaging`'s `KafkaPublicationCheck` reads the topics' tails. It must read
 * every record appended since `since` up to the current end of each partition, or reject.
 */
export interface OutboxPublicationCheck {
  /** The ids, among `records`, found on their topic in a record appended since `since`. */
  alreadyPublished(records: readonly InDoubtRecord[], since: Date): Promise<Set<string>>;
}
