import { INSURERS } from '@rtw/domain';
import type { Clock } from '@rtw/platform';
import type { DatasetKey } from './dataset-version.types';
import { VersionError } from './version.error';

/** Trajectories exist since 1 January 2022 (salaried and unemployed workers). */
export const FIRST_YEAR = 2022;

/**
 * Checks that an insurer and year can have a dataset: an insurer that sends trajectory data, a
 * year from the first year of trajectories to the current one (a draft of the running year can be
 * built to look at it). `closed` also requires the year to be over: only a closed year is frozen.
 */
export function checkDatasetKey(
  key: DatasetKey,
  options: { clock: Clock; closed: boolean },
): DatasetKey {
  const insurer = INSURERS.find((candidate) => candidate.code === key.insurer);
  if (!insurer?.sendsTrajectoryData) {
    throw new VersionError(
      'INSURER_UNKNOWN',
      `no insurer ${safe(key.insurer)} sends trajectory data`,
    );
  }
  const current = options.clock.now().getUTCFullYear();
  if (!Number.isInteger(key.year) || key.year < FIRST_YEAR || key.year > current) {
    throw new VersionError(
      'YEAR_OUT_OF_RANGE',
      `the year must be a whole number from ${FIRST_YEAR} to ${current}`,
    );
  }
  if (options.closed && key.year === current) {
    throw new VersionError(
      'YEAR_NOT_CLOSED',
      `${key.year} is not over: only a closed year is frozen`,
    );
  }
  return key;
}

/** An insurer code as it may appear in a message: three digits, else a placeholder. */
function safe(code: string): string {
  return /^[0-9]{3}$/.test(code) ? code : '(malformed code)';
}
