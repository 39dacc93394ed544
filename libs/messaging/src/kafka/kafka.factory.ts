import { Kafka, logLevel, type RetryOptions } from 'kafkajs';
import type { MessagingLogger } from '../logging/messaging-logger.port';
import { kafkaLogCreator } from './kafka-log.creator';

/** Connection settings of a Kafka client (from the validated hub config). */
export interface KafkaClientConfig {
  brokers: readonly string[];
  /** Names the process in broker logs and quotas, e.g. `rtw-tracker`. */
  clientId: string;
  logger: MessagingLogger;
  /** Lowest kafkajs level passed on to `logger`; INFO by default. */
  logLevel?: logLevel;
  retry?: RetryOptions;
}

/**
 * Retries of kafkajs' own requests: up to about 40 s of exponential backoff in all, enough to
 * ride out a broker restart or a leader election without hiding a cluster that is really gone.
 */
const KAFKA_RETRY: RetryOptions = {
  initialRetryTime: 300,
  maxRetryTime: 10_000,
  retries: 8,
  factor: 0.2,
  multiplier: 2,
};

/** A kafkajs client whose logs go, as structured lines without payloads, to the hub logger. */
export function createKafka(config: KafkaClientConfig): Kafka {
  return new Kafka({
    clientId: config.clientId,
    brokers: [...config.brokers],
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: config.retry ?? KAFKA_RETRY,
    logLevel: config.logLevel ?? logLevel.INFO,
    logCreator: kafkaLogCreator(config.logger),
  });
}
