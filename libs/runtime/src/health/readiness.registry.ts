import { Injectable } from '@nestjs/common';

/** What one dependency says about itself: up, down (not ready) or degraded (ready, impaired). */
export interface ReadinessReport {
  status: 'up' | 'down' | 'degraded';
  /** Why, in plain words, without personal data or secrets. */
  reason?: string;
}

/** A named readiness check, e.g. `kafka` or `database`. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<ReadinessReport>;
}

/**
 * The dependencies a process needs before it can take work. Components register their check at
 * start; `/health/ready` asks them all. A process is ready only when none is down.
 */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(check: ReadinessCheck): void {
    this.checks.set(check.name, check);
  }

  list(): ReadinessCheck[] {
    return [...this.checks.values()];
  }
}
