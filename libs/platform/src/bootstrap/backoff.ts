/** Exponential backoff with full jitter: the delay before attempt `attempt` (1-based). */
export function backoffDelay(
  attempt: number,
  policy: { initialMs: number; maxMs: number; multiplier?: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(
    policy.maxMs,
    policy.initialMs * (policy.multiplier ?? 2) ** (attempt - 1),
  );
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
