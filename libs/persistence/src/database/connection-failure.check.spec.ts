import { DatabaseError } from 'pg';
import { CannotExecuteNotConnectedError, QueryFailedError, TypeORMError } from 'typeorm';
import { isConnectionFailure } from './connection-failure.check';

/** A PostgreSQL error as pg reports it, wrapped by TypeORM as a failed query. */
function queryFailed(sqlState: string, message = 'refused'): QueryFailedError {
  const driverError = new DatabaseError(message, 0, 'error');
  driverError.code = sqlState;
  return new QueryFailedError('SELECT $1', ['value'], driverError);
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
}

describe('isConnectionFailure', () => {
  it.each([
    ['a refused connection', networkError('ECONNREFUSED')],
    ['a reset connection', networkError('ECONNRESET')],
    ['a refused connection on every address', new AggregateError([networkError('ECONNREFUSED')])],
    ['a connection terminated by the server', new Error('Connection terminated unexpectedly')],
    ['a pool with no client free in time', new Error('timeout exceeded when trying to connect')],
    ['a data source not initialised yet', new TypeORMError('Driver not Connected')],
    ['a data source closed', new CannotExecuteNotConnectedError()],
    ['an administrator shutdown (57P01)', queryFailed('57P01')],
    ['a server starting up (57P03)', queryFailed('57P03')],
    ['too many connections (53300)', queryFailed('53300')],
    ['a connection exception (08006)', queryFailed('08006')],
    ['a serialization failure (40001)', queryFailed('40001')],
    ['a deadlock (40P01)', queryFailed('40P01')],
    ['a statement timeout (57014)', queryFailed('57014')],
    [
      'an outage wrapped as a cause',
      new Error('could not record', { cause: queryFailed('57P01') }),
    ],
  ])('counts %s as the database being unavailable', (_name, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a NUL byte PostgreSQL refuses (22021)', queryFailed('22021', 'invalid byte sequence')],
    ['a value of the wrong type (22P02)', queryFailed('22P02')],
    ['a unique violation (23505)', queryFailed('23505')],
    ['a syntax error (42601)', queryFailed('42601')],
    ['a missing table (42P01)', queryFailed('42P01')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['an error without a code', new Error('something else')],
    ['a thrown string', 'not an error'],
    ['undefined', undefined],
  ])('counts %s as a mistake, not an outage', (_name, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });

  it('stops on a cause chain that loops back on itself', () => {
    const error = new Error('first') as Error & { cause?: unknown };
    error.cause = new Error('second', { cause: error });
    expect(isConnectionFailure(error)).toBe(false);
  });
});
