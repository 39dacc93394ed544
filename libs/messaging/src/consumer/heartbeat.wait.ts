// kafkajs sends heartbeats only when asked to. A consumer that waits between retries, or runs a
// slow handler, must keep asking, or the group coordinator declares it dead and rebalances.

/** How often to heartbeat while waiting or working; well under the default 3 s interval. */
export const HEARTBEAT_SLICE_MS = 1_000;

/**
 * Waits `ms`, heartbeating after every slice (at least once). Resolves `false` as soon as `signal` aborts (the consumer
 * is stopping), `true` when the full wait elapsed. A failing heartbeat (rebalance) rejects.
 */
export async function waitWithHeartbeat(
  ms: number,
  heartbeat: () => Promise<void>,
  signal: AbortSignal,
): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    await sleep(Math.min(Math.max(until - Date.now(), 0), HEARTBEAT_SLICE_MS), signal);
    if (signal.aborted) return false;
    await heartbeat();
    if (Date.now() >= until) return true;
  }
}

/**
 * Runs `work` while heartbeating in the background. Heartbeat failures are ignored here: if the
 * partition was taken away, the offset commit that follows fails and the record is redelivered.
 */
export async function withKeepAlive<T>(
  work: () => Promise<T>,
  heartbeat: () => Promise<void>,
): Promise<T> {
  const timer = setInterval(() => void heartbeat().catch(() => undefined), HEARTBEAT_SLICE_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
