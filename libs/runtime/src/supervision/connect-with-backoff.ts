import { backoffDelay, errorCode, sleep, type Logger } from '@rtw/platform';

/** How a dependency is (re)connected at start. */
export interface ConnectPlan<T> {
  /** Name used in logs and readiness (`kafka`, `database`). */
  dependency: string;
  connect(): Promise<T>;
  logger: Logger;
  /** Aborted when the process stops: the loop gives up quietly. */
  signal: AbortSignal;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Tries to connect until it works or the process stops, with exponential backoff and jitter,
 * logging each failure with its reason code. A process whose broker or database is down at start
 * keeps running (not ready) instead of crash-looping. Resolves undefined when aborted.
 */
export async function connectWithBackoff<T>(plan: ConnectPlan<T>): Promise<T | undefined> {
  const policy = { initialMs: plan.initialDelayMs ?? 500, maxMs: plan.maxDelayMs ?? 30_000 };
  for (let attempt = 1; !plan.signal.aborted; attempt += 1) {
    try {
      const connected = await plan.connect();
      if (attempt > 1)
        plan.logger.info(
          { dependency: plan.dependency, attempt },
          `${plan.dependency} reachable again`,
        );
      return connected;
    } catch (error) {
      const retryInMs = backoffDelay(attempt, policy);
      plan.logger.warn(
        // Connection errors say why (refused, timeout, auth); the serializer scrubs NISS-like text.
        { dependency: plan.dependency, attempt, retryInMs, code: errorCode(error), err: error },
        `${plan.dependency} not reachable; retrying`,
      );
      await sleep(retryInMs, plan.signal);
    }
  }
  return undefined;
}
