import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { ReadinessRegistry, type ReadinessCheck } from './readiness.registry';

const CHECK_TIMEOUT_MS = 3000;

/** Liveness (the process answers) and readiness (every registered dependency is reachable). */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check(this.readiness.list().map((check) => () => this.indicate(check)));
  }

  private async indicate(check: ReadinessCheck): Promise<HealthIndicatorResult> {
    const session = this.indicators.check(check.name);
    const report = await withTimeout(check.check(), CHECK_TIMEOUT_MS).catch(() => ({
      status: 'down' as const,
      reason: 'check timed out or failed',
    }));
    const data: Record<string, string> = report.reason ? { reason: report.reason } : {};
    if (report.status === 'up') return session.up(data);
    if (report.status === 'degraded') return session.degraded(data);
    return session.down(data);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
