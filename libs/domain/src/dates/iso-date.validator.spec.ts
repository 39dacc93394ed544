import { isIsoDate, parseIsoDate } from './iso-date.validator';

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01'])(
    'accepts the real date %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it.each([
    ['a 29 February in a common year', '2023-02-29'],
    ['a 29 February in a century year not divisible by 400', '1900-02-29'],
    ['a 31st in a 30-day month', '2024-04-31'],
    ['month 13', '2024-13-01'],
    ['day 00', '2024-01-00'],
    ['unpadded parts', '2024-2-1'],
    ['a date-time', '2024-02-01T00:00:00Z'],
    ['an empty string', ''],
  ])('rejects %s', (_label, value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isIsoDate(20240101)).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it('splits a valid date into numeric parts', () => {
    expect(parseIsoDate('2024-03-09')).toEqual({ year: 2024, month: 3, day: 9 });
  });
});
