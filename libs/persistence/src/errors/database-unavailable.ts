import { PersistenceError } from './persistence.error';

// SQLSTATE classes and codes that say "the database cannot do it now", not "this is wrong":
// connection exceptions (08), operator intervention (57P01-57P03), insufficient resources (53),
// serialization failure and deadlock (40001, 40P01).
const TRANSIENT_SQLSTATE = /^(08...|57P0[1-3]|53...|40001|40P01)$/;
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// What node-postgres and TypeORM say when the connection, not the statement, failed.
const TRANSIENT_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'DataSource is not initialized',
  'Driver not Connected',
];
const TRANSIENT_NAMES = new Set(['CannotExecuteNotConnectedError', 'ConnectionIsNotSetError']);

/**
 * True when a database error means the database is unreachable or busy (worth retrying later),
 * false for everything else: a constraint violation, bad input, a programming error. Those must
 * not be retried forever or reported as an outage.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const candidate = current as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof candidate.code === 'string') {
      if (TRANSIENT_SQLSTATE.test(candidate.code) || TRANSIENT_NODE_CODES.has(candidate.code))
        return true;
    }
    if (typeof candidate.name === 'string' && TRANSIENT_NAMES.has(candidate.name)) return true;
    if (
      typeof candidate.message === 'string' &&
      TRANSIENT_MESSAGES.some((text) => (candidate.message as string).includes(text))
    )
      return true;
    current =
      (current as { cause?: unknown; driverError?: unknown }).driverError ??
      (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Runs database work; an unavailable database becomes a retriable
 * `PERSISTENCE_DATABASE_UNAVAILABLE` (the transaction was rolled back, nothing is half-written),
 * anything else propagates unchanged.
 */
export async function retriableOnOutage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    throw new PersistenceError({
      code: 'PERSISTENCE_DATABASE_UNAVAILABLE',
      message: 'The database is unavailable; the work was rolled back',
      cause: error,
    });
  }
}
