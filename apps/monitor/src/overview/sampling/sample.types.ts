import type { MetricSample } from '../metrics/prometheus-text.parser';

/** Offsets of one partition: the first (low) and the next-to-write (high) offset. */
export interface PartitionOffsets {
  readonly low: number;
  readonly high: number;
}

/** What the broker said at one instant: offsets per topic and committed offsets per group. */
export interface KafkaSnapshot {
  /** topic → partition → offsets. */
  readonly topics: ReadonlyMap<string, ReadonlyMap<number, PartitionOffsets>>;
  /** group id → topic → partition → committed offset (partitions without a commit are absent). */
  readonly groups: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<number, number>>>;
}

/** One watched app at one instant: its metrics (null when unreachable) and its readiness. */
export interface AppSnapshot {
  readonly name: string;
  readonly metrics: readonly MetricSample[] | null;
  /** True when /health/ready answered 200, false on another answer, null when unreachable. */
  readonly ready: boolean | null;
}

/** Legal deadlines of one insurer (from the tracker's tables). */
export interface DeadlineCounts {
  readonly insurer: string;
  readonly dueSoon: number;
  readonly missedToday: number;
}

/** What PostgreSQL said: deadlines per insurer, and the organisations paused by an operator. */
export interface DatabaseSnapshot {
  readonly deadlines: readonly DeadlineCounts[];
  readonly pausedOrganisations: ReadonlySet<string>;
}

/** One sample of every source; a source that could not be read is null. */
export interface Sample {
  /** Milliseconds since the epoch, when the sample was taken. */
  readonly at: number;
  readonly kafka: KafkaSnapshot | null;
  readonly apps: readonly AppSnapshot[];
  readonly database: DatabaseSnapshot | null;
}
