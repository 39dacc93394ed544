import { competentRegionalService, type RegionalServiceId } from '@rtw/domain';
import type { AgeBand, Quarter, Region } from './dataset.types';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The quarter of `year` a date (`YYYY-MM-DD`) falls in, or undefined when in another year. */
export function quarterOf(date: string, year: number): Quarter | undefined {
  const match = DATE.exec(date);
  if (!match || Number(match[1]) !== year) return undefined;
  return (Math.floor((Number(match[2]) - 1) / 3) + 1) as Quarter;
}

/** Full years from the birth date to `on` (both `YYYY-MM-DD`). */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The study's age band of a person at a date (the incapacity start); unknown without dates. */
export function ageBand(birthDate: string | undefined, on: string | undefined): AgeBand {
  if (!birthDate || !on || !DATE.test(birthDate) || !DATE.test(on)) return 'unknown';
  const age = ageOn(birthDate, on);
  if (age < 0) return 'unknown';
  if (age < 25) return 'under-25';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65-and-over';
}

const REGION_OF_SERVICE: Readonly<Record<RegionalServiceId, Region>> = {
  actiris: 'brussels',
  vdab: 'flanders',
  forem: 'wallonia',
  adg: 'german-speaking-community',
};

/**
 * The region of a residence: the region whose regional service is competent for it (the same
 * rule the referrals follow, NIS code before postal code). Only the region leaves the hub.
 */
export function regionOf(residence: { postalCode?: string; nisCode?: string } | undefined): Region {
  if (!residence?.postalCode) return 'unknown';
  const service = competentRegionalService({
    postalCode: residence.postalCode,
    ...(residence.nisCode ? { nisCode: residence.nisCode } : {}),
  });
  return service ? REGION_OF_SERVICE[service] : 'unknown';
}

/** `YYYY-MM-DD` plus whole months; a day past the month's end falls back to its last day. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0));
  target.setUTCDate(Math.min(day, lastDay.getUTCDate()));
  return target.toISOString().slice(0, 10);
}
