import { partnerMediaType } from './media-type';

describe('partnerMediaType', () => {
  it.each([
    ['application/json', 'application/json'],
    ['Application/JSON; charset=utf-8', 'application/json'],
    ['application/xml', 'application/xml'],
    ['text/xml; charset="UTF-8"', 'application/xml'],
  ])('reads %p as %s', (contentType, expected) => {
    expect(partnerMediaType(contentType)).toBe(expected);
  });

  it.each(['text/plain', 'application/json; charset=latin1', 'application/soap+xml', '', 'xml'])(
    'refuses %p',
    (contentType) => {
      expect(partnerMediaType(contentType)).toBeUndefined();
    },
  );
});
