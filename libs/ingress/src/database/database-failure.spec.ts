import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { IngressError } from '../errors/ingress.error';
import { DATABASE_RETRY_AFTER_SECONDS, withDatabase } from './database-failure';

function queryFailed(sqlState: string): QueryFailedError {
  const driverError = new DatabaseError(
    'invalid byte sequence for encoding "UTF8": 0x00',
    0,
    'error',
  );
  driverError.code = sqlState;
  return new QueryFailedError('SELECT 1 WHERE $1', ['abc\u0000'], driverError);
}

async function failureOf(error: unknown): Promise<IngressError> {
  const failure: unknown = await withDatabase(() => Promise.reject(error)).catch((e: unknown) => e);
  if (!(failure instanceof IngressError)) throw new Error('expected an IngressError');
  return failure;
}

describe('withDatabase', () => {
  it('passes the result of the work through', async () => {
    await expect(withDatabase(async () => 42)).resolves.toBe(42);
  });

  it('passes a refusal through unchanged', async () => {
    const refusal = new IngressError({ code: 'TOKEN_REPLAYED', message: 'used' });
    await expect(failureOf(refusal)).resolves.toBe(refusal);
  });

  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['an administrator shutdown', queryFailed('57P01')],
    ['a serialization failure', queryFailed('40001')],
  ])('turns %s into a retriable DATABASE_UNAVAILABLE with Retry-After', async (_name, cause) => {
    const failure = await failureOf(cause);
    expect([failure.code, failure.retriable, failure.retryAfterSeconds, failure.cause]).toEqual([
      'DATABASE_UNAVAILABLE',
      true,
      DATABASE_RETRY_AFTER_SECONDS,
      cause,
    ]);
  });

  it.each([
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'source')")],
    ['a query PostgreSQL refuses for its input', queryFailed('22021')],
    ['a unique violation', queryFailed('23505')],
    ['a thrown non-error', 'boom'],
  ])('turns %s into a final INTERNAL_ERROR', async (_name, cause) => {
    const failure = await failureOf(cause);
    expect([failure.code, failure.retriable, failure.retryAfterSeconds, failure.cause]).toEqual([
      'INTERNAL_ERROR',
      false,
      undefined,
      cause,
    ]);
  });

  it('never names the class or repeats the text of the cause in its message', async () => {
    const messages = [
      (await failureOf(queryFailed('22021'))).message,
      (await failureOf(queryFailed('57P01'))).message,
      (await failureOf(new TypeError('x is undefined'))).message,
    ];
    for (const message of messages)
      expect(message).not.toMatch(/QueryFailedError|TypeError|DatabaseError|0x00|undefined/);
  });
});
