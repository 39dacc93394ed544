import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { backoffDelay, errorCode, sleep, type Logger } from '@rtw/platform';
import { HUB_CONFIG, HUB_LOGGER, type HubConfig } from '../bootstrap/tokens';
import { ReadinessRegistry, type ReadinessReport } from '../health/readiness.registry';
import type {
  BackgroundComponent,
  ComponentState,
  RunningComponent,
  RuntimeDependency,
} from './background-component.types';
import { supervisionMetrics } from './supervision.metrics';

/** One supervised component and what is known of it now. */
interface Supervised {
  readonly component: BackgroundComponent;
  state: ComponentState;
  running?: RunningComponent;
  /** Code of the last failed start or unexpected end, for readiness and logs. */
  lastFailure?: string;
  loop?: Promise<void>;
}

/**
 * The one way a hub process runs background work: every consumer, relay and scheduler is handed
 * to `supervise`, which starts it once its dependencies are connected, retries a failed start with
 * backoff until it runs, restarts it when it ends on its own, reports each component in
 * `/health/ready` and in metrics, and stops them all (newest first) when the process stops.
 * Nothing is started with `void x.start()`; no start error is only logged.
 */
@Injectable()
export class BackgroundSupervisor implements OnModuleDestroy {
  private readonly logger: Logger;
  private readonly components = new Map<string, Supervised>();
  private readonly dependencies = new Map<RuntimeDependency, () => Promise<boolean>>();
  private readonly stopping = new AbortController();
  private readonly retry: { initialMs: number; maxMs: number };

  constructor(
    @Inject(HUB_CONFIG) config: HubConfig,
    @Inject(HUB_LOGGER) logger: Logger,
    private readonly readiness: ReadinessRegistry,
  ) {
    this.logger = logger.child({ context: 'BackgroundSupervisor' });
    this.retry = { initialMs: 250, maxMs: config.BACKGROUND_RETRY_MAX_MS };
  }

  /**
   * Declares how to wait for a runtime dependency (the Kafka and database connections do this).
   * `ready` resolves true once connected, false when the process stops first.
   */
  provideDependency(name: RuntimeDependency, ready: () => Promise<boolean>): void {
    this.dependencies.set(name, ready);
  }

  /** Starts supervising a component; its name must be unique in the process. */
  supervise(component: BackgroundComponent): void {
    if (this.components.has(component.name)) {
      throw new Error(`Background component ${component.name} is supervised already`);
    }
    for (const need of component.needs ?? []) {
      if (!this.dependencies.has(need)) {
        throw new Error(
          `Background component ${component.name} needs ${need}, which this app does not connect`,
        );
      }
    }
    const entry: Supervised = { component, state: 'waiting' };
    this.components.set(component.name, entry);
    this.readiness.register({ name: component.name, check: async () => this.report(entry) });
    supervisionMetrics.up.set({ component: component.name }, 0);
    if (this.stopping.signal.aborted) {
      entry.state = 'stopped';
      return;
    }
    entry.loop = this.run(entry);
  }

  /** The state of a supervised component (for tests and diagnostics). */
  stateOf(name: string): ComponentState | undefined {
    return this.components.get(name)?.state;
  }

  /** Stops every component, newest first, each finishing its in-flight work. */
  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    const entries = [...this.components.values()].reverse();
    for (const entry of entries) {
      await entry.loop;
      await this.stopRunning(entry);
      entry.state = 'stopped';
    }
  }

  private async run(entry: Supervised): Promise<void> {
    const { signal } = this.stopping;
    const name = entry.component.name;
    for (let failures = 0; !signal.aborted;) {
      entry.state = 'waiting';
      if (!(await this.dependenciesReady(entry.component))) return;
      entry.state = failures === 0 ? 'starting' : 'retrying';
      try {
        entry.running = await entry.component.start(signal);
      } catch (error) {
        failures += 1;
        await this.recordFailure(entry, errorCode(error), failures, error);
        continue;
      }
      if (signal.aborted) return; // stopped while starting: onModuleDestroy stops it
      failures = 0;
      entry.state = 'running';
      entry.lastFailure = undefined;
      supervisionMetrics.up.set({ component: name }, 1);
      this.logger.info({ component: name }, `${name} running`);
      const ended = await this.endedOrStopping(entry.running);
      if (!ended) return;
      supervisionMetrics.up.set({ component: name }, 0);
      await this.stopRunning(entry);
      failures += 1;
      await this.recordFailure(entry, 'COMPONENT_ENDED', failures);
    }
  }

  private async recordFailure(
    entry: Supervised,
    code: string,
    failures: number,
    error?: unknown,
  ): Promise<void> {
    const name = entry.component.name;
    entry.lastFailure = code;
    entry.state = 'retrying';
    supervisionMetrics.failures.inc({ component: name, code });
    const retryInMs = backoffDelay(failures, this.retry);
    this.logger.warn(
      { component: name, code, attempt: failures, retryInMs, err: error },
      code === 'COMPONENT_ENDED'
        ? `${name} stopped unexpectedly; restarting`
        : `${name} could not start; retrying`,
    );
    await sleep(retryInMs, this.stopping.signal);
  }

  /** Resolves true when the component ended on its own, false when the process is stopping. */
  private endedOrStopping(running: RunningComponent): Promise<boolean> {
    const { signal } = this.stopping;
    if (signal.aborted) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      signal.addEventListener('abort', () => resolve(false), { once: true });
      running.ended?.then(
        () => resolve(true),
        () => resolve(true),
      );
    });
  }

  /** Waits for the component's dependencies; false as soon as the process is stopping. */
  private async dependenciesReady(component: BackgroundComponent): Promise<boolean> {
    const { signal } = this.stopping;
    const aborted = new Promise<boolean>((resolve) => {
      if (signal.aborted) resolve(false);
      signal.addEventListener('abort', () => resolve(false), { once: true });
    });
    for (const need of component.needs ?? []) {
      const ready = this.dependencies.get(need);
      if (!ready || !(await Promise.race([ready(), aborted]))) return false;
    }
    return !signal.aborted;
  }

  private async stopRunning(entry: Supervised): Promise<void> {
    const running = entry.running;
    entry.running = undefined;
    if (!running) return;
    try {
      await running.stop();
    } catch (error) {
      this.logger.warn(
        { component: entry.component.name, code: errorCode(error), err: error },
        `${entry.component.name} did not stop cleanly`,
      );
    }
  }

  private report(entry: Supervised): ReadinessReport {
    const required = entry.component.required ?? true;
    switch (entry.state) {
      case 'running':
        return { status: 'up' };
      case 'waiting':
        return {
          status: required ? 'down' : 'degraded',
          reason: `waiting for ${entry.component.needs?.join(', ')}`,
        };
      case 'starting':
      case 'retrying': {
        const reason = entry.lastFailure ? `not running (${entry.lastFailure})` : 'starting';
        return { status: required ? 'down' : 'degraded', reason };
      }
      case 'stopped':
        return { status: 'down', reason: 'stopped' };
    }
  }
}
