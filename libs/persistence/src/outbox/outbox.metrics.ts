import { Counter, Gauge, register } from 'prom-client';

// Get-or-create: several relays (or test files) in one process share the default registry, and
// prom-client refuses to register a name twice.
function counter(name: string, help: string, labelNames: string[]): Counter {
  return (
    (register.getSingleMetric(name) as Counter | undefined) ??
    new Counter({ name, help, labelNames })
  );
}

function gauge(name: string, help: string): Gauge {
  return (register.getSingleMetric(name) as Gauge | undefined) ?? new Gauge({ name, help });
}

/** The outbox relay's Prometheus metrics, in prom-client's default registry. */
export const outboxMetrics = {
  published: counter('rtw_outbox_published_total', 'Outbox messages published to Kafka', ['topic']),
  publishFailures: counter(
    'rtw_outbox_publish_failures_total',
    'Outbox messages whose publication failed and stays pending',
    ['code'],
  ),
  cycleFailures: counter(
    'rtw_outbox_relay_cycle_failures_total',
    'Relay cycles that published nothing: database failed, or broker not reachable (PUBLISHER_UNAVAILABLE)',
    ['code'],
  ),
  pending: gauge(
    'rtw_outbox_pending',
    'Outbox messages not yet published, as last seen by a relay',
  ),
  foundPublished: counter(
    'rtw_outbox_found_published_total',
    'Outbox messages of an interrupted attempt found on their topic and not sent again',
    ['topic'],
  ),
  purged: counter(
    'rtw_outbox_purged_total',
    'Published outbox messages deleted after retention',
    [],
  ),
};
