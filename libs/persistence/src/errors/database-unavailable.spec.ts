import { PersistenceError } from './persistence.error';
import { isDatabaseUnavailable, retriableOnOutage } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })],
    ['an administrator shutdown', Object.assign(new Error('terminating'), { code: '57P01' })],
    ['a connection exception', Object.assign(new Error('lost'), { code: '08006' })],
    ['a serialization failure', Object.assign(new Error('retry'), { code: '40001' })],
    ['a terminated connection', new Error('Connection terminated unexpectedly')],
    [
      'a driver error wrapped by TypeORM',
      Object.assign(new Error('query failed'), {
        driverError: Object.assign(new Error('x'), { code: '57P03' }),
      }),
    ],
  ])('says yes for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate'), { code: '23505' })],
    ['invalid text for a type', Object.assign(new Error('invalid input'), { code: '22P02' })],
    ['a NUL byte in a parameter', Object.assign(new Error('invalid byte'), { code: '22021' })],
    ['a programming error', new TypeError('cannot read properties of undefined')],
    ['nothing', undefined],
  ])('says no for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('retriableOnOutage', () => {
  it('turns an outage into a retriable PERSISTENCE_DATABASE_UNAVAILABLE', async () => {
    const failure = retriableOnOutage(async () => {
      throw Object.assign(new Error('connect'), { code: 'ECONNREFUSED' });
    });
    await expect(failure).rejects.toBeInstanceOf(PersistenceError);
    await expect(failure).rejects.toMatchObject({
      code: 'PERSISTENCE_DATABASE_UNAVAILABLE',
      retriable: true,
    });
  });

  it('lets every other error through unchanged', async () => {
    const bug = new TypeError('bug');
    await expect(
      retriableOnOutage(async () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });
});
