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
