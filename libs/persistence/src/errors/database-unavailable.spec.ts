import { PersistenceError } from './persistence.error';
import { retriableOnOutage } from './database-unavailable';

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
