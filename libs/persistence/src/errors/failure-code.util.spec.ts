import { PublishFailedError } from '@rtw/messaging';
import { failureCode } from './failure-code.util';

describe('failureCode', () => {
  it('uses the code of a HubError', () => {
    expect(failureCode(new PublishFailedError('rtw.dossier.events.v1', undefined))).toBe(
      'PUBLISH_FAILED',
    );
  });

  it('uses the class name of other errors, never their message', () => {
    class KafkaJSConnectionError extends Error {
      override name = 'KafkaJSConnectionError';
    }
    expect(failureCode(new KafkaJSConnectionError('message that quotes record data'))).toBe(
      'KafkaJSConnectionError',
    );
  });

  it('falls back to UNKNOWN_ERROR for plain errors, odd names and non-errors', () => {
    expect(failureCode(new Error('boom'))).toBe('UNKNOWN_ERROR');
    const odd = new Error('x');
    odd.name = 'name with spaces';
    expect(failureCode(odd)).toBe('UNKNOWN_ERROR');
    expect(failureCode('a string')).toBe('UNKNOWN_ERROR');
  });
});
