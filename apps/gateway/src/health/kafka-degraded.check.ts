import { Injectable } from '@nestjs/common';
import { KafkaConnection, ReadinessRegistry, type ReadinessReport } from '@rtw/runtime';

// Shorter than the health endpoint's own 3 s limit, which would report the check as down.
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Kafka is not a hard dependency of the gateway: accepted events are committed to the outbox in
 * PostgreSQL and relayed when the broker returns. So a broker outage makes the gateway
 * `degraded` (still ready, 200), not down; the runtime's own check is wrapped, not replaced.
 */
@Injectable()
export class KafkaDegradedCheck {
  // KafkaConnection is injected so that it has registered its check before this one wraps it.
  constructor(readiness: ReadinessRegistry, _connection: KafkaConnection) {
    const original = readiness.list().find((check) => check.name === 'kafka');
    if (!original) return;
    readiness.register({ name: 'kafka', check: () => degradedWhenDown(original.check()) });
  }
}

async function degradedWhenDown(check: Promise<ReadinessReport>): Promise<ReadinessReport> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ReadinessReport>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'down', reason: 'broker did not answer in time' }),
      CHECK_TIMEOUT_MS,
    );
  });
  const report = await Promise.race([
    check.catch((): ReadinessReport => ({ status: 'down', reason: 'check failed' })),
    timeout,
  ]).finally(() => clearTimeout(timer));
  if (report.status !== 'down') return report;
  return {
    status: 'degraded',
    reason: `${report.reason ?? 'broker not reachable'}; accepted events wait in the outbox`,
  };
}
