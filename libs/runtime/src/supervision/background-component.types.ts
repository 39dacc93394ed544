/** A dependency the runtime connects before it starts a component that needs it. */
export type RuntimeDependency = 'kafka' | 'database';

/** A component once started: how to stop it, and how to learn that it stopped on its own. */
export interface RunningComponent {
  /** Stops gracefully (finish in-flight work, commit); called once, at shutdown or before a restart. */
  stop(): Promise<void>;
  /**
   * Settles when the component stops running without being asked (a consumer that crashed for
   * good, a loop that ended). The supervisor then restarts it. Omit for components that cannot end
   * on their own.
   */
  readonly ended?: Promise<unknown>;
}

/**
 * Background work of a process (a consumer, the outbox relay, a scheduler). The runtime starts it
 * once its dependencies are ready, retries a failed start with backoff until it runs, restarts it
 * when it ends on its own, reports it in readiness and metrics, and stops it at shutdown.
 */
export interface BackgroundComponent {
  /** Stable name for logs, readiness and metrics, e.g. `consumer:rtw-tracker` or `outbox-relay`. */
  readonly name: string;
  /**
   * Required components make the process not ready while they do not run (their dependency being
   * up); optional ones only make it `degraded`. Default true.
   */
  readonly required?: boolean;
  /** Dependencies the runtime must have connected before `start` is tried. */
  readonly needs?: readonly RuntimeDependency[];
  /**
   * Starts the component; resolves once it really runs (a consumer has joined its group). Throwing
   * means "try again later". `signal` aborts when the process stops during the attempt.
   */
  start(signal: AbortSignal): Promise<RunningComponent>;
}

/** Where a supervised component stands. */
export type ComponentState = 'waiting' | 'starting' | 'running' | 'retrying' | 'stopped';
