import { Counter, Gauge, register } from 'prom-client';

// Get-or-create: several apps built in one test process share the default registry, and
// prom-client refuses to register a name twice.
const UP = 'rtw_background_component_up';
const FAILURES = 'rtw_background_component_failures_total';

/** Metrics of supervised background work; labels are component names and error codes only. */
export const supervisionMetrics = {
  up:
    (register.getSingleMetric(UP) as Gauge<'component'> | undefined) ??
    new Gauge({
      name: UP,
      help: '1 while a supervised background component runs, 0 while it waits, starts or retries',
      labelNames: ['component'] as const,
    }),
  failures:
    (register.getSingleMetric(FAILURES) as Counter<'component' | 'code'> | undefined) ??
    new Counter({
      name: FAILURES,
      help: 'Failed starts and unexpected ends of supervised background components, by code',
      labelNames: ['component', 'code'] as const,
    }),
};
