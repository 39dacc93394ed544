import { errorCode } from '@rtw/platform';
import { IngressError } from '../errors/ingress.error';

/** Seconds a client is asked to wait before retrying after a database outage. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * Runs database work; a refusal passes through, any other failure becomes a retriable
 * DATABASE_UNAVAILABLE. The transaction the work ran in was rolled back by then, so the caller
 * may safely tell its client to try again: nothing was half-written.
 */
export async function withDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IngressError) throw error;
    throw new IngressError({
      code: 'DATABASE_UNAVAILABLE',
      // The cause's own message may quote SQL parameters: only its code travels.
      message: `the database could not record the request (${errorCode(error) === 'INTERNAL_ERROR' ? classOf(error) : errorCode(error)})`,
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      cause: error,
    });
  }
}

function classOf(error: unknown): string {
  return error instanceof Error ? error.constructor.name : 'unknown failure';
}
