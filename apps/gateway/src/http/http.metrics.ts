// Prometheus metrics of the gateway's HTTP edge. Labels are bounded sets: a route template (never
// a raw path, which holds event ids), a method of Node's list, a status, a reason code. Never an
// organisation, a dossier or an event id.
import { Counter, Histogram, register } from 'prom-client';

const REQUESTS = 'rtw_gateway_http_requests_total';
const REFUSALS = 'rtw_gateway_http_refusals_total';
const DURATION = 'rtw_gateway_http_request_duration_seconds';

/** One answered request, as the metrics see it. */
export interface AnsweredRequest {
  method: string;
  /** Route template, e.g. `/v1/events/:id`, or `unmatched`. */
  route: string;
  /** HTTP status, or `aborted` when the client went away before the answer was complete. */
  status: string;
  /** The reason code of a refusal. */
  code?: string;
}

/** The counters and timings of the gateway's HTTP edge. */
export interface GatewayHttpMetrics {
  observe(request: AnsweredRequest, seconds: number): void;
}

// Get-or-create: several gateways in one test process share the default registry, and
// prom-client refuses to register a name twice.
function metric<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

/** The gateway's HTTP metrics, in prom-client's default registry (served at /metrics). */
export function gatewayHttpMetrics(): GatewayHttpMetrics {
  const requests = metric(
    REQUESTS,
    () =>
      new Counter({
        name: REQUESTS,
        help: 'Requests answered by the gateway, by method, route template and status',
        labelNames: ['method', 'route', 'status'] as const,
      }),
  );
  const refusals = metric(
    REFUSALS,
    () =>
      new Counter({
        name: REFUSALS,
        help: 'Requests the gateway refused (4xx and 5xx), by route template, status and reason code',
        labelNames: ['route', 'status', 'code'] as const,
      }),
  );
  const duration = metric(
    DURATION,
    () =>
      new Histogram({
        name: DURATION,
        help: 'Time from the first byte of a request to its answer, by method, route and status',
        labelNames: ['method', 'route', 'status'] as const,
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      }),
  );
  return {
    observe: ({ method, route, status, code }, seconds) => {
      requests.inc({ method, route, status });
      duration.observe({ method, route, status }, seconds);
      if (status === 'aborted' || Number(status) >= 400)
        refusals.inc({ route, status, code: code ?? 'NONE' });
    },
  };
}
