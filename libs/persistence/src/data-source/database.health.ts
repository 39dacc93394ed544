import type { DataSource } from 'typeorm';

/** Outcome of a readiness probe; `code` is stable and safe to expose on a health endpoint. */
export type DatabaseHealth =
  | { status: 'up'; latencyMs: number }
  | { status: 'down'; code: 'NOT_INITIALIZED' | 'TIMEOUT' | 'QUERY_FAILED' };

/**
 * Readiness probe: `SELECT 1` bounded by `timeoutMs` (default 2 s), which also covers waiting for a
 * free pool connection. Never throws, so a health endpoint can map the result directly.
 */
export async function checkDatabase(
  dataSource: DataSource,
  options: { timeoutMs?: number } = {},
): Promise<DatabaseHealth> {
  if (!dataSource.isInitialized) return { status: 'down', code: 'NOT_INITIALIZED' };
  const started = performance.now();
  const query = dataSource.query('SELECT 1').then(
    () => 'ok' as const,
    () => 'failed' as const,
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs ?? 2_000);
  });
  try {
    const outcome = await Promise.race([query, timeout]);
    if (outcome === 'ok')
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    return { status: 'down', code: outcome === 'timeout' ? 'TIMEOUT' : 'QUERY_FAILED' };
  } finally {
    clearTimeout(timer);
  }
}
