import { isConnectionFailure } from '@rtw/persistence';
import { IngressError } from '../errors/ingress.error';

/** Seconds a client is asked to wait before retrying after a database outage. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Runs database work. A refusal passes through. A connection-level failure (refused, terminated,
 * pool timeout, shutdown, serialization failure: see `isConnectionFailure`) becomes a retriable
 * DATABASE_UNAVAILABLE: the transaction the work ran in was rolled back by then, so the caller may
 * safely tell its client to try again, nothing was half-written. Anything else (a query
 * PostgreSQL refuses, a TypeError) is a bug a retry would repeat: INTERNAL_ERROR, not retriable,
 * so clients and monitoring never mistake a bug or a bad input for an outage. Neither message
 * names the cause (its class or text may quote SQL or values); the cause travels for the logs.
 */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IngressError) throw error;
    if (isConnectionFailure(error))
      throw new IngressError({
        code: 'DATABASE_UNAVAILABLE',
        message: 'the database is unavailable; nothing was recorded, try again later',
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
        cause: error,
      });
    throw new IngressError({
      code: 'INTERNAL_ERROR',
      message: 'the request could not be handled; nothing was recorded',
      cause: error,
    });
  }
}
