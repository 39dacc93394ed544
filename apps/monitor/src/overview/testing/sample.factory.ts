import type { MetricSample } from '../metrics/prometheus-text.parser';
import type {
  AppSnapshot,
  DatabaseSnapshot,
  KafkaSnapshot,
  Sample,
} from '../sampling/sample.types';

/** Broker state as plain objects: topic → [high offsets per partition], group → topic → [committed]. */
export function kafkaSnapshot(state: {
  topics: Record<string, Array<number | { low: number; high: number }>>;
  groups?: Record<string, Record<string, number[]>>;
}): KafkaSnapshot {
  return {
    topics: new Map(
      Object.entries(state.topics).map(([topic, partitions]) => [
        topic,
        new Map(
          partitions.map((p, index) => [index, typeof p === 'number' ? { low: 0, high: p } : p]),
        ),
      ]),
    ),
    groups: new Map(
      Object.entries(state.groups ?? {}).map(([group, topics]) => [
        group,
        new Map(
          Object.entries(topics).map(([topic, offsets]) => [
            topic,
            new Map(offsets.map((offset, index) => [index, offset])),
          ]),
        ),
      ]),
    ),
  };
}

/** A sample at `at` seconds after the epoch origin of the tests. */
export function sampleAt(
  seconds: number,
  parts: {
    kafka?: KafkaSnapshot | null;
    apps?: AppSnapshot[];
    database?: DatabaseSnapshot | null;
  },
): Sample {
  return {
    at: Date.UTC(2026, 10, 30, 9, 0, 0) + seconds * 1000,
    kafka: parts.kafka ?? null,
    apps: parts.apps ?? [],
    database: parts.database ?? null,
  };
}

/** Delivery's metrics for one organisation: attempts per result and their bucket counts. */
export function deliveryMetrics(
  organisation: string,
  attempts: { delivered: number[]; retryable?: number[] },
  circuit = 0,
): MetricSample[] {
  const bounds = ['0.1', '0.5', '1', '+Inf'];
  const series = (result: string, cumulative: number[]): MetricSample[] => [
    ...bounds.map((le, index) => ({
      name: 'rtw_delivery_attempt_duration_seconds_bucket',
      labels: { le, partner: 'vdab', organisation, result, app: 'delivery' },
      value: cumulative[index] ?? 0,
    })),
    {
      name: 'rtw_delivery_attempt_duration_seconds_count',
      labels: { partner: 'vdab', organisation, result, app: 'delivery' },
      value: cumulative.at(-1) ?? 0,
    },
  ];
  return [
    ...series('delivered', attempts.delivered),
    ...(attempts.retryable ? series('retryable', attempts.retryable) : []),
    {
      name: 'rtw_delivery_circuit_state',
      labels: { organisation, app: 'delivery' },
      value: circuit,
    },
  ];
}
