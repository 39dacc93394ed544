import { PersistenceError } from '../errors/persistence.error';
import { assertValidOutboxMessage, type OutboxMessage } from './outbox-message';

const valid: OutboxMessage = {
  topic: 'rtw.dossier.events.v1',
  key: 'd-1',
  value: '{}',
  headers: { ce_id: 'x' },
};

function errorOf(message: OutboxMessage): PersistenceError {
  try {
    assertValidOutboxMessage(message, 2);
  } catch (error) {
    return error as PersistenceError;
  }
  throw new Error('expected the message to be rejected');
}

describe('assertValidOutboxMessage', () => {
  it('accepts a message with string or Buffer value', () => {
    expect(() => assertValidOutboxMessage(valid, 0)).not.toThrow();
    expect(() => assertValidOutboxMessage({ ...valid, value: Buffer.from('{}') }, 0)).not.toThrow();
  });

  it.each([
    ['topic', { ...valid, topic: ' ' }],
    ['key', { ...valid, key: '' }],
    ['header value (ce_id)', { ...valid, headers: { ce_id: 1 as unknown as string } }],
  ])(
    'rejects a message with an invalid %s, naming the field but not the value',
    (field, message) => {
      const error = errorOf(message);
      expect(error).toBeInstanceOf(PersistenceError);
      expect(error.code).toBe('PERSISTENCE_INVALID_OUTBOX_MESSAGE');
      expect(error.retriable).toBe(false);
      expect(error.message).toBe(`Outbox message #2 has an invalid ${field}`);
    },
  );
});
