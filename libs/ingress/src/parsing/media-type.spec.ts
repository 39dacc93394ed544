import { assertMediaType, BATCH_MEDIA_TYPE, SINGLE_EVENT_MEDIA_TYPE } from './media-type';

describe('assertMediaType', () => {
  it('accepts the expected type with or without a UTF-8 charset, in any case', () => {
    expect(() =>
      assertMediaType('application/cloudevents+json', SINGLE_EVENT_MEDIA_TYPE),
    ).not.toThrow();
    expect(() =>
      assertMediaType('Application/CloudEvents-Batch+JSON; charset=UTF-8', BATCH_MEDIA_TYPE),
    ).not.toThrow();
  });

  it.each([
    undefined,
    'application/json',
    'text/plain',
    'application/cloudevents+json; charset=latin1',
    BATCH_MEDIA_TYPE,
  ])('refuses %s for a single event', (header) => {
    expect(() => assertMediaType(header, SINGLE_EVENT_MEDIA_TYPE)).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE' }),
    );
  });
});
