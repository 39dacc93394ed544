import { PERSISTENCE_ERROR_CODES, PersistenceError } from './persistence.error';

describe('PersistenceError', () => {
  it('retries only an unavailable database; caller mistakes are final', () => {
    const retriable = PERSISTENCE_ERROR_CODES.filter(
      (code) => new PersistenceError({ code, message: 'x' }).retriable,
    );
    expect(retriable).toEqual(['PERSISTENCE_DATABASE_UNAVAILABLE']);
  });
});
