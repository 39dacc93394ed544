// Public API of @rtw/messaging: Kafka topology, the CloudEvents binding, the publisher port and
// the consumer runtime with in-place retries and dead-lettering.
export {
  MESSAGING_ERROR_CODES,
  MessagingError,
  type MessagingErrorCode,
} from './errors/messaging.error';
export {
  TOPICS,
  PARTNERS,
  notifyTopic,
  dlqTopic,
  isDlqTopic,
  type Partner,
} from './topology/topics.constant';
export {
  DEFAULT_PARTITIONS,
  buildTopology,
  type TopicSpec,
  type Topology,
  type TopologyOptions,
} from './topology/topology.config';
export { TOPIC_CATALOGUE } from './topology/topic.catalogue';
export {
  ensureTopics,
  type EnsureTopicsOptions,
  type EnsureTopicsReport,
  type PartitionDrift,
} from './topology/ensure-topics';
export {
  waitForPartitionsServed,
  PartitionsNotServedError,
} from './topology/partitions-served.wait';

export {
  createCloudEvent,
  type CloudEvent,
  type NewCloudEvent,
} from './cloudevents/cloud-event.type';
export {
  toKafkaMessage,
  fromKafkaMessage,
  type BinaryKafkaMessage,
  type IncomingKafkaMessage,
} from './cloudevents/cloud-event.binding';
export { CloudEventInvalidError } from './cloudevents/cloud-event.error';
export {
  createTraceparent,
  childTraceparent,
  parseTraceparent,
  type TraceContext,
} from './cloudevents/traceparent';

export {
  KafkaPublicationCheck,
  type PublishedRecordQuery,
} from './producer/kafka-publication.check';
export {
  publishEvents,
  type Publisher,
  type OutgoingMessage,
  type HeaderValue,
  type TopicBatch,
} from './producer/publisher.port';
export { KafkaPublisher } from './producer/kafka.publisher';
export { PublishFailedError } from './producer/publish.error';
export {
  InMemoryBus,
  type InMemoryPublisher,
  type PublishedRecord,
} from './producer/in-memory.publisher';

export {
  ConsumerRuntime,
  ConsumerJoinTimeoutError,
  type ConsumerRuntimeOptions,
} from './consumer/consumer.runtime';
export type {
  BatchEventHandler,
  BatchRecord,
  EventHandler,
  HandlerContext,
} from './consumer/event-handler.type';
export {
  DEFAULT_RETRY,
  retryPolicyFor,
  backoffDelay,
  maxRetryWaitMs,
  type Backoff,
  type RetryPolicy,
  type RetryPolicyFor,
} from './consumer/retry.policy';
export { describeFailure, type FailureDescription } from './consumer/dead-letter.message';
export { DeadLetterFailedError } from './consumer/dead-letter.error';
export type { DeadLetterHook, DeadLetteredRecord } from './consumer/dead-letter.hook';

export { createKafka, type KafkaClientConfig } from './kafka/kafka.factory';
export type { MessagingLogger, LogFields } from './logging/messaging-logger.port';
