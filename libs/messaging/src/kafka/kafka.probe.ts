import type { Admin } from 'kafkajs';
import { HubError } from '@rtw/platform';
import { MessagingError } from '../errors/messaging.error';

/** The cluster as seen by a successful probe. */
export interface KafkaProbeResult {
  clusterId: string;
  brokers: number;
}

/**
 * Readiness check: resolves when the cluster answers `describeCluster` within `timeoutMs`, rejects
 * with a retriable `KAFKA_UNAVAILABLE` otherwise. The admin client must be connected.
 */
export async function checkKafka(admin: Admin, timeoutMs = 3_000): Promise<KafkaProbeResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(unavailable('did not answer in time')), timeoutMs);
  });
  try {
    const cluster = await Promise.race([admin.describeCluster(), timeout]);
    if (cluster.brokers.length === 0) throw unavailable('has no broker');
    return { clusterId: cluster.clusterId, brokers: cluster.brokers.length };
  } catch (error) {
    throw error instanceof HubError ? error : unavailable('could not be reached', error);
  } finally {
    clearTimeout(timer);
  }
}

function unavailable(what: string, cause?: unknown): MessagingError {
  return new MessagingError({ code: 'KAFKA_UNAVAILABLE', message: `Kafka cluster ${what}`, cause });
}
