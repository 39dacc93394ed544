// Which database failures are the database being unreachable or overloaded (worth a retry later,
// reported as an outage) and which are mistakes (a bad query, a value PostgreSQL refuses, a bug),
// which a retry repeats. Only the first kind may ever become a 503.
import { CannotExecuteNotConnectedError, ConnectionIsNotSetError } from 'typeorm';

// SQLSTATE codes (PostgreSQL appendix A) of a connection lost or refused, a server shutting down
// or out of resources, and of a transaction that lost a race and would pass when run again.
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53'];
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout)
  '57014', // query_canceled (statement_timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '57P05', // idle_session_timeout
  '25006', // read_only_sql_transaction (connected to a standby after a failover)
]);

// Socket errors of the driver's connection.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
]);

// Failures pg, pg-pool and TypeORM report without a code.
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/, // pg: unexpectedly, or due to connection timeout
  /timeout exceeded when trying to connect/, // pg-pool: no client free in time
  /is not queryable/, // pg: client closed or broken by an earlier connection error
  /Cannot use a pool after calling end on the pool/,
  /^Query read timeout$/, // pg: query_timeout
  /^Driver not Connected$/, // TypeORM: the data source is not initialised (yet)
];

const MAX_CAUSE_DEPTH = 5;

/**
 * True when a database failure means "unavailable": no connection (refused, reset, timed out,
 * pool exhausted, data source not initialised), a server shutting down or out of resources, or a
 * transaction aborted by concurrency (serialization failure, deadlock). False for everything else:
 * a query PostgreSQL refuses (bad input such as a NUL byte, a constraint, a syntax error) or a
 * programming error, which a retry would only repeat. Looks through `driverError`, `cause` and
 * AggregateError's `errors`.
 */
export function isConnectionFailure(error: unknown): boolean {
  return someInChain(error, MAX_CAUSE_DEPTH, (candidate) => {
    if (candidate instanceof CannotExecuteNotConnectedError) return true;
    if (candidate instanceof ConnectionIsNotSetError) return true;
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (TRANSIENT_SQLSTATES.has(code) || NETWORK_CODES.has(code)) return true;
      if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2)))
        return true;
    }
    return (
      typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
    );
  });
}

function someInChain(error: unknown, depth: number, test: (candidate: object) => boolean): boolean {
  if (typeof error !== 'object' || error === null || depth < 0) return false;
  if (test(error)) return true;
  const { driverError, cause, errors } = error as {
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const nested = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return nested.some((inner) => inner !== error && someInChain(inner, depth - 1, test));
}
