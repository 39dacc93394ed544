import { isConnectionFailure } from '../database/connection-failure.check';
import { PersistenceError } from './persistence.error';

/**
 * Runs database work; an unavailable database (`isConnectionFailure`) becomes a retriable
 * `PERSISTENCE_DATABASE_UNAVAILABLE` (the transaction was rolled back, nothing is half-written),
 * so a consumer retries in place instead of dead-lettering; anything else propagates unchanged.
 */
export async function retriableOnOutage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isConnectionFailure(error)) throw error;
    throw new PersistenceError({
      code: 'PERSISTENCE_DATABASE_UNAVAILABLE',
      message: 'The database is unavailable; the work was rolled back',
      cause: error,
    });
  }
}
