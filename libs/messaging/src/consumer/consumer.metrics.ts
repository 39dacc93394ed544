// Prometheus metrics of the consumer runtime. Labels are bounded sets (topic, group, outcome):
// never an event id, a dossier id or an offset.
import { Counter, Histogram, register, type Registry } from 'prom-client';

/** What happened to a record (or an attempt, for `retried`). */
export type ConsumerOutcome = 'processed' | 'retried' | 'dead_lettered';

/** The counters and timings the runtime reports. */
export interface ConsumerMetrics {
  count(labels: { topic: string; group: string; outcome: ConsumerOutcome }): void;
  observeHandler(
    labels: { topic: string; group: string; result: 'success' | 'failure' },
    seconds: number,
  ): void;
}

const MESSAGES = 'rtw_consumer_messages_total';
const DURATION = 'rtw_consumer_handler_duration_seconds';

/**
 * The metrics in a registry (the default one unless given). Several runtimes in one process share
 * the same metric objects: prom-client refuses to register a name twice.
 */
export function consumerMetrics(registry: Registry = register): ConsumerMetrics {
  const messages =
    (registry.getSingleMetric(MESSAGES) as Counter<'topic' | 'group' | 'outcome'> | undefined) ??
    new Counter({
      name: MESSAGES,
      help: 'Records handled by consumer runtimes, by outcome (retried counts each retry)',
      labelNames: ['topic', 'group', 'outcome'] as const,
      registers: [registry],
    });
  const duration =
    (registry.getSingleMetric(DURATION) as Histogram<'topic' | 'group' | 'result'> | undefined) ??
    new Histogram({
      name: DURATION,
      help: 'Duration of one handler call',
      labelNames: ['topic', 'group', 'result'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    });
  return {
    count: (labels) => messages.inc(labels),
    observeHandler: (labels, seconds) => duration.observe(labels, seconds),
  };
}
