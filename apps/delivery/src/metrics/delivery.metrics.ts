// Prometheus metrics of delivery. Labels are bounded sets (partner, organisation id, outcome,
// result class, status): never a message id, a dossier id or a response text.
import { Counter, Gauge, Histogram, register } from 'prom-client';

function getOrCreate<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

/** Final and intermediate outcomes of messages, by partner and receiving organisation. */
export const deliveryOutcomes = getOrCreate(
  'rtw_delivery_outcomes_total',
  () =>
    new Counter({
      name: 'rtw_delivery_outcomes_total',
      help: 'Messages settled by delivery: delivered, retry-scheduled, dead-lettered, refused',
      labelNames: ['partner', 'organisation', 'outcome'] as const,
    }),
);

/** Latency of HTTP attempts, by result class (delivered, retryable, rejected). */
export const attemptDuration = getOrCreate(
  'rtw_delivery_attempt_duration_seconds',
  () =>
    new Histogram({
      name: 'rtw_delivery_attempt_duration_seconds',
      help: 'Duration of one HTTP delivery attempt',
      labelNames: ['partner', 'organisation', 'result'] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    }),
);

/** Circuit state per organisation in this instance: 0 closed, 1 open, 2 half-open. */
export const circuitState = getOrCreate(
  'rtw_delivery_circuit_state',
  () =>
    new Gauge({
      name: 'rtw_delivery_circuit_state',
      help: 'Circuit breaker state per organisation in this instance (0 closed, 1 open, 2 half-open)',
      labelNames: ['organisation'] as const,
    }),
);

/** Requests in flight per organisation in this instance. */
export const inFlight = getOrCreate(
  'rtw_delivery_in_flight',
  () =>
    new Gauge({
      name: 'rtw_delivery_in_flight',
      help: 'Delivery requests in flight per organisation in this instance',
      labelNames: ['organisation'] as const,
    }),
);

/** Messages per queue status (all instances; read from the database at scrape time). */
export const queueDepth = getOrCreate(
  'rtw_delivery_queue_depth',
  () =>
    new Gauge({
      name: 'rtw_delivery_queue_depth',
      help: 'Messages in the delivery queue by status (pending, delivered, dead-lettered, refused)',
      labelNames: ['status'] as const,
    }),
);

/** Age of the oldest message that is due and not delivered (0 when none is due). */
export const oldestDueAge = getOrCreate(
  'rtw_delivery_oldest_due_age_seconds',
  () =>
    new Gauge({
      name: 'rtw_delivery_oldest_due_age_seconds',
      help: 'Seconds since the oldest due, undelivered message became due (0 when none)',
    }),
);

/** Dispatcher rounds that failed (database away), by code. */
export const dispatcherFailures = getOrCreate(
  'rtw_delivery_dispatcher_failures_total',
  () =>
    new Counter({
      name: 'rtw_delivery_dispatcher_failures_total',
      help: 'Dispatcher rounds or message turns that failed before settling, by code',
      labelNames: ['code'] as const,
    }),
);
