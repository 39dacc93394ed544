import { InvalidDateError } from './invalid-date.error';
import { type DateParts, daysInMonth, formatIsoDate, parseIsoDate } from './iso-date.validator';

// Date-only arithmetic on `YYYY-MM-DD` strings. Everything goes through UTC so that no local time
// zone or daylight-saving change can shift a legal date by one day.

function partsOf(isoDate: string): DateParts {
  const parts = parseIsoDate(isoDate);
  if (!parts) throw new InvalidDateError('the start date');
  return parts;
}

/** Adds (or, when negative, subtracts) whole days. */
export function addDays(isoDate: string, days: number): string {
  const { year, month, day } = partsOf(isoDate);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day + days);
  return formatIsoDate({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  });
}

/** Adds whole weeks (7 days each). */
export function addWeeks(isoDate: string, weeks: number): string {
  return addDays(isoDate, weeks * 7);
}

/**
 * Adds calendar months, keeping the day of the month and clamping it to the target month's last
 * day (2024-01-31 + 1 month = 2024-02-29; see docs/adr/0010-legal-calendar-counting.md).
 */
export function addMonths(isoDate: string, months: number): string {
  const { year, month, day } = partsOf(isoDate);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return formatIsoDate({ year: targetYear, month: targetMonth, day: targetDay });
}

/** The 1 January that follows the given date (2024-12-31 gives 2025-01-01). */
export function firstJanuaryAfter(isoDate: string): string {
  return formatIsoDate({ year: partsOf(isoDate).year + 1, month: 1, day: 1 });
}
