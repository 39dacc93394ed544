import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { PublishFailedError } from './publish.error';
import type { OutgoingMessage, Publisher, TopicBatch } from './publisher.port';

/**
 * The Kafka {@link Publisher}: an idempotent producer (no duplicates or reordering on its own
 * retries) that waits for every in-sync replica (`acks: -1`) before `publish` resolves.
 */
export class KafkaPublisher implements Publisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(kafka: Kafka) {
    this.producer = kafka.producer({
      idempotent: true,
      // kafkajs keeps order across its own retries only with one request in flight.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Java-compatible murmur2: the same key lands on the same partition as with Java clients.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producer.on(this.producer.events.CONNECT, () => (this.connected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.connected = false));
  }

  /** Opens the connection; call once at start. */
  async connect(): Promise<void> {
    await this.producer.connect();
  }

  /** Closes the connection once every pending publish has settled. */
  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  /** True while the producer holds a broker connection (readiness). */
  isConnected(): boolean {
    return this.connected;
  }

  /** Sends the messages to `topic`; resolves once all in-sync replicas acknowledged them. */
  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    try {
      await this.producer.send({ topic, messages, acks: -1 });
    } catch (error) {
      throw new PublishFailedError(topic, error);
    }
  }

  /**
   * Sends several topics' messages in one produce request per broker (what lets the outbox relay
   * publish a whole multi-topic batch in one round trip); resolves once every in-sync replica
   * acknowledged all of them.
   */
  async publishAll(batches: TopicBatch[]): Promise<void> {
    const topicMessages = batches.filter((batch) => batch.messages.length > 0);
    if (topicMessages.length === 0) return;
    try {
      await this.producer.sendBatch({ topicMessages, acks: -1 });
    } catch (error) {
      throw new PublishFailedError(topicMessages.map((batch) => batch.topic).join(','), error);
    }
  }
}
