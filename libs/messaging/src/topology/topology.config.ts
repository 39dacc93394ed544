// What each topic looks like on the broker: partitions and topic-level configs. Declared as data so
// that `ensureTopics` can create them and a test can compare the broker with the declaration.
import { MessagingError } from '../errors/messaging.error';
import { dlqTopic, fixedTopics, notifyTopic, TOPICS } from './topics.constant';

/** One topic as the hub wants it on the broker. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** Topic-level configs, as the broker spells them (`retention.ms`, `cleanup.policy`...). */
  readonly configs: Readonly<Record<string, string>>;
}

/** The set of topics a process ensures at start. */
export type Topology = readonly TopicSpec[];

/** What shapes the topology: partition count of dossier-keyed topics, insurers to notify. */
export interface TopologyOptions {
  /** Partitions of every dossier-keyed topic (all of ours are); 12 by default. */
  partitions?: number;
  /** Insurer codes that get a `rtw.notify.<insurer>.v1` topic (reference data, not constants). */
  insurerCodes?: readonly string[];
}

/** Partition count of dossier-keyed topics unless configured otherwise. */
export const DEFAULT_PARTITIONS = 12;

const DAY_MS = 24 * 60 * 60 * 1000;

// Retention: PostgreSQL keeps what must outlive Kafka (projection, audit log), so topics only need
// to bridge outages and replays. Inbound events are replaced by accepted dossier events quickly;
// insurer systems and partners may be offline longer; dead letters wait for a human.
const RETENTION_DAYS: Readonly<Record<string, number>> = {
  [TOPICS.inboundEvents]: 7,
  [TOPICS.dossierEvents]: 30,
  [TOPICS.deliveryReceipts]: 14,
};
const OUTBOUND_RETENTION_DAYS = 14;
const NOTIFY_RETENTION_DAYS = 30;
const DLQ_RETENTION_DAYS = 90;

/**
 * The intended `min.insync.replicas`: with replication factor 3 in production, an acknowledged
 * write survives the loss of one broker. `ensureTopics` lowers it when the replication factor is
 * smaller (a single-node development broker could not accept any `acks=all` write otherwise).
 */
const MIN_IN_SYNC_REPLICAS = 2;

/** Builds the topology: every topic and its dead-letter topic. */
export function buildTopology(options: TopologyOptions = {}): Topology {
  const partitions = options.partitions ?? DEFAULT_PARTITIONS;
  if (!Number.isInteger(partitions) || partitions < 1) {
    throw new MessagingError({
      code: 'TOPOLOGY_INVALID',
      message: 'Partitions must be a positive whole number',
    });
  }
  const sources = [
    ...fixedTopics().map((name) => ({
      name,
      days: RETENTION_DAYS[name] ?? OUTBOUND_RETENTION_DAYS,
    })),
    ...(options.insurerCodes ?? []).map((code) => ({
      name: notifyTopic(code),
      days: NOTIFY_RETENTION_DAYS,
    })),
  ];
  // DLQs keep the source's partition count so that a replay keeps each dossier's order.
  return sources.flatMap(({ name, days }) => [
    { name, partitions, configs: topicConfigs(days) },
    { name: dlqTopic(name), partitions, configs: topicConfigs(DLQ_RETENTION_DAYS) },
  ]);
}

function topicConfigs(retentionDays: number): Record<string, string> {
  return {
    // Events are a history per dossier: compaction would drop all but the last event of a key.
    'cleanup.policy': 'delete',
    'retention.ms': String(retentionDays * DAY_MS),
    'min.insync.replicas': String(MIN_IN_SYNC_REPLICAS),
  };
}
