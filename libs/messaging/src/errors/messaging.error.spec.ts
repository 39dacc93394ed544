import { HubError } from '@rtw/platform';
import { MESSAGING_ERROR_CODES, MessagingError } from './messaging.error';

describe('MessagingError', () => {
  it('keeps the published code strings (dead-letter headers and metrics labels depend on them)', () => {
    expect(MESSAGING_ERROR_CODES).toEqual([
      'CLOUDEVENT_INVALID',
      'PUBLISH_FAILED',
      'DEAD_LETTER_FAILED',
      'TOPOLOGY_INVALID',
      'TOPIC_INVALID',
      'TOPIC_NOT_SERVED',
      'CONSUMER_JOIN_TIMEOUT',
      'PUBLICATION_CHECK_FAILED',
    ]);
  });

  it('takes its retry decision from the code: broker trouble is retried, bad input is final', () => {
    const retriable = MESSAGING_ERROR_CODES.filter(
      (code) => new MessagingError({ code, message: 'x' }).retriable,
    );
    expect(retriable).toEqual([
      'PUBLISH_FAILED',
      'DEAD_LETTER_FAILED',
      'TOPIC_NOT_SERVED',
      'CONSUMER_JOIN_TIMEOUT',
      'PUBLICATION_CHECK_FAILED',
    ]);
  });

  it('is a HubError with its code', () => {
    const error = new MessagingError({ code: 'TOPIC_INVALID', message: 'bad topic' });
    expect(error).toBeInstanceOf(HubError);
    expect(error).toMatchObject({ name: 'MessagingError', code: 'TOPIC_INVALID' });
  });
});
