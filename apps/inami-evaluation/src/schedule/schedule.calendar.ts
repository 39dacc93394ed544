import { FIRST_YEAR } from '../versions/dataset-key.check';

/** When the yearly schedule acts (ADR 0108): configuration, validated at boot. */
export interface ScheduleSettings {
  /** Day of January from which the previous year's draft is built and reminders start. */
  readonly startDay: number;
  /** Length of a reminder period, in days. */
  readonly everyDays: number;
}

/** Where the schedule stands at an instant. */
export interface ScheduleMoment {
  /** The Belgian calendar date (the dataset is about Belgian years). */
  readonly today: string;
  /** The dataset the schedule is about: the previous Belgian calendar year. */
  readonly year: number;
  /** The reminder period today falls in: 1 from the start day, 0 before it (nothing due yet). */
  readonly period: number;
}

const DAY_MS = 86_400_000;

/** The calendar date in Belgium at an instant. */
export function belgianDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/**
 * The dataset due at `now` and the reminder period: the previous year's dataset is due from the
 * start day of January; period 1 runs `everyDays` days from it, then period 2, and so on, until
 * the year ends (next January the schedule turns to the next dataset). Undefined when no dataset
 * can be due (the year before trajectories existed).
 */
export function scheduleMoment(now: Date, settings: ScheduleSettings): ScheduleMoment | undefined {
  const today = belgianDate(now);
  const current = Number(today.slice(0, 4));
  const year = current - 1;
  if (year < FIRST_YEAR) return undefined;
  const start = Date.UTC(current, 0, settings.startDay);
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - start) / DAY_MS);
  const period = days < 0 ? 0 : Math.floor(days / settings.everyDays) + 1;
  return { today, year, period };
}
