import { InvalidDateError } from './invalid-date.error';
import { addDays, addMonths, addWeeks, firstJanuaryAfter } from './date.arithmetic';

describe('addMonths', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-01-15', 1, '2024-02-15'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-12-15', 1, '2025-01-15'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-01-10', -1, '2023-12-10'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s plus %i month(s) is %s (day clamped to the month end)', (start, months, expected) => {
    expect(addMonths(start, months)).toBe(expected);
  });
});

describe('addDays and addWeeks', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-30', 2, '2024-04-01'],
    ['2024-10-26', 2, '2024-10-28'],
    ['2024-03-01', -1, '2024-02-29'],
  ])(
    '%s plus %i day(s) is %s, across month ends and daylight-saving changes',
    (start, days, expected) => {
      expect(addDays(start, days)).toBe(expected);
    },
  );

  it('adds weeks as seven days each', () => {
    expect(addWeeks('2024-03-01', 2)).toBe('2024-03-15');
  });

  it('handles years below 100 without mapping them to the 1900s', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });
});

describe('firstJanuaryAfter', () => {
  it('gives the next year even for 31 December and 1 January', () => {
    expect(firstJanuaryAfter('2024-12-31')).toBe('2025-01-01');
    expect(firstJanuaryAfter('2024-01-01')).toBe('2025-01-01');
  });
});

describe('invalid input', () => {
  it('throws an InvalidDateError with code INVALID_DATE for a date that does not exist', () => {
    const call = () => addMonths('2023-02-29', 1);
    expect(call).toThrow(InvalidDateError);
    expect(call).toThrow(expect.objectContaining({ code: 'INVALID_DATE', retriable: false }));
  });

  it('keeps the offending value out of the error message', () => {
    expect(() => addDays('1985-07-32', 1)).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining('1985') }),
    );
  });
});
